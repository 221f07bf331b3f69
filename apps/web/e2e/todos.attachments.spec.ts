import { expect, open, signUp, test, uniqueEmail } from "./fixtures";

// The smallest valid PNG signature plus a few bytes: the server checks content, not names.
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4, 5, 6, 7, 8]);

test("a user attaches a picture to a todo and downloads it", async ({ page }) => {
  await signUp(page, { name: "Ann", email: uniqueEmail("files"), password: "files password 1" });
  await page.getByLabel("New todo").fill("Frame the photo");
  await page.getByRole("button", { name: "Add" }).click();
  await expect(page.getByRole("checkbox", { name: "Frame the photo" })).toBeVisible();

  await page
    .getByLabel("Attach a file to “Frame the photo”")
    .setInputFiles({ name: "photo.png", mimeType: "image/png", buffer: PNG });
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
  expect(Buffer.concat(chunks)).toEqual(PNG);

  await open(page, "/settings");
  await expect(page.getByTestId("storage-usage")).toContainText("of 100.0 MB used");
});
