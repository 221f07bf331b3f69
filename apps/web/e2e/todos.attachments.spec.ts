import type { Page } from "@playwright/test";
import { expect, open, signUp, TINY_PNG, test, uniqueEmail } from "./fixtures";

/** The todo's id, from its checkbox's label (`todo-text-<id>`). */
async function todoIdOf(page: Page, text: string) {
  const labelledBy = await page
    .getByRole("checkbox", { name: text })
    .getAttribute("aria-labelledby");
  return labelledBy?.replace("todo-text-", "") ?? "";
}

test("a user attaches a picture to a todo and downloads it", async ({ page }) => {
  await signUp(page, { name: "Ann", email: uniqueEmail("files"), password: "files password 1" });
  await page.getByLabel("New todo").fill("Frame the photo");
  await page.getByRole("button", { name: "Add" }).click();
  await expect(page.getByRole("checkbox", { name: "Frame the photo" })).toBeVisible();

  // The row offers a quiet paperclip, not words under every todo; from the keyboard it comes
  // right after the checkbox, named for the todo.
  const row = page.getByTestId("todo-item").filter({ hasText: "Frame the photo" });
  await expect(row).not.toContainText("Attach a file");
  await expect(row.locator("label[title='Attach a file']")).toBeVisible();
  await row.getByRole("checkbox", { name: "Frame the photo" }).focus();
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Attach a file to “Frame the photo”")).toBeFocused();

  await page
    .getByLabel("Attach a file to “Frame the photo”")
    .setInputFiles({ name: "photo.png", mimeType: "image/png", buffer: TINY_PNG });
  const link = page.getByRole("list", { name: "Files of “Frame the photo”" }).getByRole("link", {
    name: "photo.png",
  });
  await expect(link).toBeVisible();

  const downloading = page.waitForEvent("download");
  await link.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("photo.png");
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  expect(Buffer.concat(chunks)).toEqual(TINY_PNG);

  // After a reload the list says which todos have files, and only their files are fetched.
  await page.getByLabel("New todo").fill("Nothing attached");
  await page.getByRole("button", { name: "Add" }).click();
  await expect(page.getByRole("checkbox", { name: "Nothing attached" })).toBeVisible();
  const fileLists: string[] = [];
  page.on("request", (request) => {
    const call = `${request.url()} ${request.postData() ?? ""}`;
    if (request.url().includes("/rpc/") && call.includes("attachment")) fileLists.push(call);
  });
  await page.reload();
  await expect(link).toBeVisible();
  await expect(page.getByLabel("Attach a file to “Nothing attached”")).toBeAttached();
  expect(fileLists.join("\n")).toContain(await todoIdOf(page, "Frame the photo"));
  expect(fileLists.join("\n")).not.toContain(await todoIdOf(page, "Nothing attached"));

  // A file under 1 KB shows its bytes; removing it takes it off the list for good.
  const files = page.getByRole("list", { name: "Files of “Frame the photo”" });
  await expect(files).toContainText(`(${TINY_PNG.length} bytes)`);
  await files.getByRole("button", { name: "Remove photo.png" }).click();
  await expect(link).toHaveCount(0);
  await expect(page.getByRole("region", { name: /^Notifications/ })).toContainText(
    "Removed “photo.png”.",
  );
  await page.reload();
  await expect(page.getByLabel("Attach a file to “Frame the photo”")).toBeAttached();
  await expect(link).toHaveCount(0);

  await open(page, "/settings");
  await expect(page.getByTestId("storage-usage")).toContainText("of 100 MB used");
});

test("a todo's 21st file is refused, and the form says why in the server's words", async ({
  page,
  allowConsoleError,
}) => {
  // The browser reports the refused upload's 409 itself.
  allowConsoleError(/status of 409/);
  await signUp(page, { name: "Bo", email: uniqueEmail("cap"), password: "files password 1" });
  await page.getByLabel("New todo").fill("Receipts");
  await page.getByRole("button", { name: "Add" }).click();
  // Saved (the row shows at once with a temporary id; the toast comes with the server's).
  await expect(page.getByRole("region", { name: /^Notifications/ })).toContainText("Todo added.");
  const todoId = await todoIdOf(page, "Receipts");

  // Twenty files straight through the upload route, as the form would send them.
  const origin = new URL(test.info().project.use.baseURL ?? "").origin;
  for (let i = 0; i < 20; i++) {
    const response = await page.request.post(
      `/api/attachments?todoId=${todoId}&name=receipt-${i}.png`,
      { headers: { origin, "content-type": "image/png" }, data: TINY_PNG },
    );
    expect(response.status()).toBe(201);
  }
  await page.reload();
  const files = page.getByRole("list", { name: "Files of “Receipts”" });
  await expect(files.getByRole("link")).toHaveCount(20);

  await page
    .getByLabel("Attach a file to “Receipts”")
    .setInputFiles({ name: "one-more.png", mimeType: "image/png", buffer: TINY_PNG });
  await expect(page.getByRole("alert")).toHaveText(
    "You have 20 files on this todo, the most one todo may hold. Delete one to attach another.",
  );
  await expect(files.getByRole("link")).toHaveCount(20);
  await expect(files.getByRole("link", { name: "one-more.png" })).toHaveCount(0);
});
