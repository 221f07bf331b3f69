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
  const password = "correct horse battery";
  await signUp(page, { name: "Grace", email: uniqueEmail("grace"), password });
  await open(page, "/settings");
  await page.getByLabel("Name", { exact: true }).fill("CI script");
  await page.getByLabel("Access").selectOption("read-write");
  // A key outlives a password reset, so a session alone does not make one: the password does.
  const passwordField = page.getByRole("region", { name: "API keys" }).getByLabel("Your password");
  await passwordField.fill("not my password");
  // The browser logs the refused call's 400 itself.
  allowConsoleError(/status of 400/);
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(passwordField).toHaveAttribute("aria-invalid", "true");
  await expect(passwordField).toHaveAccessibleDescription(/That is not your password\./);
  await expect(page.getByTestId("new-api-key")).toHaveCount(0);

  await passwordField.fill(password);
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
});
