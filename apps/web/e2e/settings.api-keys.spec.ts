import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { expect, open, signUp, test, uniqueEmail } from "./fixtures";

const exampleScript = fileURLToPath(
  new URL("../../../examples/todo-script/todos.ts", import.meta.url),
);

test("a user creates an API key, sees it once, uses it, and revokes it", async ({
  page,
  allowConsoleError,
}) => {
  await signUp(page, {
    name: "Grace",
    email: uniqueEmail("grace"),
    password: "correct horse battery",
  });
  await open(page, "/settings");
  await page.getByLabel("Name", { exact: true }).fill("CI script");
  await page.getByLabel("Access").selectOption("read-write");
  await page.getByRole("button", { name: "Create key" }).click();

  const shown = page.getByTestId("new-api-key");
  await expect(shown).toHaveText(/^ck_/);
  const key = (await shown.textContent()) ?? "";
  // One press copies it, and the button says so.
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByRole("button", { name: "Copy key" }).click();
  await expect(page.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
  await expect(page.getByRole("link", { name: "the API description" })).toHaveAttribute(
    "href",
    "/api/docs",
  );
  const list = page.getByRole("list", { name: "Your API keys" });
  await expect(list.getByText("CI script", { exact: true })).toBeVisible();

  // The key works as the user through the REST API.
  const made = await page.request.post("/api/v1/todos", {
    headers: { "x-api-key": key },
    data: { text: "made with a key" },
  });
  expect(made.status()).toBe(201);

  // The example consumer (examples/todo-script) runs in Node against these Workers with it.
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [exampleScript, "from the example"],
    {
      env: { ...process.env, CHECKMARK_URL: new URL(page.url()).origin, CHECKMARK_API_KEY: key },
    },
  );
  expect(stdout).toContain("added: from the example");
  expect(stdout).toContain("[ ] made with a key");

  // Shown once: after a reload only its first characters are left.
  await page.reload();
  await expect(page.getByTestId("new-api-key")).toHaveCount(0);
  await expect(list.getByText(key)).toHaveCount(0);
  await expect(list.getByText(key.slice(0, 9))).toBeVisible();

  await list.getByRole("button", { name: "Revoke CI script" }).click();
  await expect(list.getByText("No keys yet.")).toBeVisible();
  const refused = await page.request.get("/api/v1/todos", { headers: { "x-api-key": key } });
  expect(refused.status()).toBe(401);

  // At the cap (10 live keys, made here by the app's own API with this tab's cookies), the form
  // says why the next key is refused and what to do.
  const origin = new URL(page.url()).origin;
  for (let i = 0; i < 10; i++) {
    const made = await page.request.post("/rpc/apiKey/create", {
      headers: { origin },
      data: { json: { name: `key ${i}`, scope: "read" } },
    });
    expect(made.status()).toBe(200);
  }
  await open(page, "/settings");
  // The browser logs the refused call's 409 itself.
  allowConsoleError(/status of 409/);
  await page.getByLabel("Name", { exact: true }).fill("one too many");
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByRole("alert")).toContainText(
    "You have 10 API keys, the most one account may hold. Revoke one",
  );
  await expect(list.getByText("one too many")).toHaveCount(0);
});
