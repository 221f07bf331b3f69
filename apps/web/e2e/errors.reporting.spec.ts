import { expect, open, test } from "./fixtures";

test("an uncaught error in the page is reported to the server", async ({
  page,
  allowConsoleError,
}) => {
  allowConsoleError(/Checkmark e2e/);
  await open(page, "/");
  const message = `Checkmark e2e ${crypto.randomUUID()}`;
  const reported = page.waitForRequest(
    (request) => request.url().endsWith("/api/log/frontend-error") && request.method() === "POST",
  );
  await page.evaluate((text) => {
    setTimeout(() => {
      throw new Error(text);
    });
  }, message);
  const request = await reported;
  expect(request.postDataJSON()).toMatchObject({ message, url: expect.stringContaining("/") });
  expect((await request.response())?.status()).toBe(202);
});
