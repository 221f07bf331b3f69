import { request as httpRequest } from "node:http";
import type { Page } from "@playwright/test";
import { test as base, expect, newVisitorContext, open } from "./fixtures";

// Adding a todo is a plain form POST the web Worker answers (docs/decisions/101): it works
// before the page's script has run, and with JavaScript off.
const test = base.extend<{ noScript: Page }>({
  /** The signed-in user's browser session, with JavaScript off. */
  noScript: async ({ browser, page, account: _signedIn }, use) => {
    const context = await newVisitorContext(browser, {
      javaScriptEnabled: false,
      storageState: await page.context().storageState(),
    });
    await use(await context.newPage());
    await context.close();
  },
});
test.use({ shareAccountInFile: true });

test("a todo typed and sent with Enter is added without JavaScript", async ({ noScript }) => {
  await noScript.goto("/todos?status=active");
  await noScript.getByLabel("New todo").fill("Water the plants");
  const answer = noScript.waitForResponse((response) => response.request().method() === "POST");
  await noScript.getByLabel("New todo").press("Enter");
  // A redirect, so a reload of the list asks for it again and adds nothing.
  expect((await answer).status()).toBe(303);

  // Back on the same list, with the todo in it and the field free for the next one.
  await expect(noScript.getByRole("checkbox", { name: "Water the plants" })).toBeVisible();
  await expect(noScript).toHaveURL(/\/todos\?status=active$/);
  await expect(noScript.getByLabel("New todo")).toHaveValue("");
  await noScript.reload();
  await expect(noScript.getByRole("checkbox", { name: "Water the plants" })).toHaveCount(1);
});

test("a refused todo says why without JavaScript and keeps what was typed", async ({
  noScript,
}) => {
  await noScript.goto("/todos");
  const newTodo = noScript.getByLabel("New todo");
  await newTodo.press("Enter");
  await expect(newTodo).toHaveAccessibleDescription("Write something to do.");

  const long = `Plan the trip ${"x".repeat(500)}`;
  await newTodo.fill(long);
  const answer = noScript.waitForResponse((response) => response.request().method() === "POST");
  await newTodo.press("Enter");
  expect((await answer).status()).toBe(422);
  await expect(newTodo).toHaveAccessibleDescription("Keep it under 500 characters.");
  await expect(newTodo).toHaveAttribute("aria-invalid", "true");
  await expect(newTodo).toHaveValue(long);
  await expect(noScript.getByRole("checkbox", { name: /Plan the trip/ })).toHaveCount(0);
});

test("a todo posted from another site or without a session is refused", async ({
  page,
  browser,
  account: _signedIn,
}) => {
  const ownOrigin = new URL(test.info().project.use.baseURL ?? "").origin;
  const elsewhere = await page.request.post("/todos", {
    headers: { origin: "https://elsewhere.example" },
    form: { text: "Sent from elsewhere" },
    maxRedirects: 0,
  });
  expect(elsewhere.status()).toBe(403);

  const visitor = await newVisitorContext(browser);
  const signedOut = await visitor.request.post("/todos", {
    headers: { origin: ownOrigin },
    form: { text: "Sent signed out" },
    maxRedirects: 0,
  });
  expect(signedOut.status()).toBe(303);
  expect(signedOut.headers().location).toMatch(/\/sign-in$/);
  await visitor.close();

  await open(page, "/todos");
  await expect(page.getByRole("heading", { name: "Your todos" })).toBeVisible();
  await expect(
    page.getByRole("checkbox", { name: /Sent (from elsewhere|signed out)/ }),
  ).toHaveCount(0);
});

/** A POST whose body goes in chunks, with no Content-Length (node's http, as any script can). */
function postInChunks(url: string, headers: Record<string, string>, chunks: string[]) {
  return new Promise<number>((resolve, reject) => {
    const sent = httpRequest(url, { method: "POST", headers }, (answer) => {
      answer.resume();
      resolve(answer.statusCode ?? 0);
    });
    sent.on("error", reject);
    for (const chunk of chunks) sent.write(chunk);
    sent.end();
  });
}

test("a body unlike the form is refused, whether it says its length or comes in chunks", async ({
  page,
  account: _signedIn,
}) => {
  const url = new URL("/todos", test.info().project.use.baseURL ?? "");
  const cookie = (await page.context().cookies(url.href))
    .map(({ name, value }) => `${name}=${value}`)
    .join("; ");
  const asTheForm = { origin: url.origin, cookie };
  const formType = { ...asTheForm, "content-type": "application/x-www-form-urlencoded" };

  // Chunked, with no length: read as it comes, and a form-sized one is added like any other.
  const unsized = await postInChunks(url.href, formType, ["text=Sent", "+in+chunks"]);
  expect(unsized).toBe(303);
  // One that keeps coming is stopped at the cap (16 KiB), not buffered whole.
  const endless = await postInChunks(url.href, formType, [
    "text=Endless+chunks&padding=",
    ...Array.from({ length: 40 }, () => "x".repeat(1024)),
  ]);
  expect(endless).toBe(413);

  const tooLarge = await page.request.post("/todos", {
    headers: asTheForm,
    form: { text: "Too large", padding: "x".repeat(20_000) },
    maxRedirects: 0,
  });
  expect(tooLarge.status()).toBe(413);

  const json = await page.request.post("/todos", {
    headers: asTheForm,
    data: { text: "Sent as JSON" },
    maxRedirects: 0,
  });
  expect(json.status()).toBe(415);

  await open(page, "/todos");
  await expect(page.getByRole("checkbox", { name: "Sent in chunks" })).toBeVisible();
  await expect(
    page.getByRole("checkbox", { name: /Endless chunks|Too large|Sent as JSON/ }),
  ).toHaveCount(0);
});
