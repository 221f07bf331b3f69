import { expect, open, signUp, TINY_PNG, test, uniqueEmail } from "./fixtures";

test("a user attaches a picture to a todo and downloads it", async ({ page }) => {
  await signUp(page, { name: "Ann", email: uniqueEmail("files"), password: "files password 1" });
  await page.getByLabel("New todo").fill("Frame the photo");
  await page.getByRole("button", { name: "Add" }).click();
  await expect(page.getByRole("checkbox", { name: "Frame the photo" })).toBeVisible();

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

  await open(page, "/settings");
  await expect(page.getByTestId("storage-usage")).toContainText("of 100.0 MB used");
});
