import { expect, open, test, throwInPage } from "./fixtures";

test("an uncaught error in the page is reported to the server", async ({
  page,
  allowConsoleError,
}) => {
  allowConsoleError(/Checkmark e2e/);
  await open(page, "/");
  const message = `Checkmark e2e ${crypto.randomUUID()}`;
  const request = await throwInPage(page, message);
  expect(request.postDataJSON()).toMatchObject({ message, url: expect.stringContaining("/") });
  expect((await request.response())?.status()).toBe(202);
});
