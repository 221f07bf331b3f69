import {
  accountMadeElsewhere,
  expect,
  fillSignIn,
  followMailedLink,
  guessFromManyAddresses,
  newAccount,
  open,
  registerDirectly,
  submitSignUp,
  test,
  waitForHydration,
} from "./fixtures";

test("sign-up explains each invalid field in words", async ({ page }) => {
  await open(page, "/sign-up");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter your name.")).toBeVisible();
  await expect(page.getByText("Enter a valid email address.")).toBeVisible();
  await expect(page.getByText("Use at least 8 characters.")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-up$/);
});

test("signing up with a taken email looks like any sign-up, and the owner is told", async ({
  page,
  browser,
}) => {
  const { email } = await accountMadeElsewhere(browser);

  await submitSignUp(page, { name: "Intruder", email, password: "second password" });
  await followMailedLink(page, email, "Someone tried to sign up with your email");
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("signing in before confirming the email says what to do", async ({
  page,
  allowConsoleError,
}) => {
  allowConsoleError(/status of 403/);
  const user = newAccount("unconfirmed");
  await registerDirectly(page, user);
  await fillSignIn(page, user);
  await expect(page.getByRole("alert")).toHaveText(/Confirm your email first/);
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("a wrong password is refused in words and signs no one in", async ({
  page,
  browser,
  allowConsoleError,
}) => {
  allowConsoleError(/status of 401/);
  const { email } = await accountMadeElsewhere(browser);

  await fillSignIn(page, { email, password: "not the password" });
  await expect(page.getByRole("alert")).toHaveText(/do not match/);
  await open(page, "/todos");
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("guessing one account's password from many addresses is stopped, and the form says why", async ({
  page,
  browser,
  allowConsoleError,
}) => {
  allowConsoleError(/status of 429/);
  allowConsoleError(/status of 401/);
  const { email } = await accountMadeElsewhere(browser);

  // Once more if the limiter's minute turned over between the guesses and the form (then the
  // form's guess is merely wrong; the server tests show the right password is refused too).
  await expect(async () => {
    await guessFromManyAddresses(page, email);
    await fillSignIn(page, { email, password: "one more guess" });
    await expect(page.getByRole("alert")).toHaveText(
      /Too many password attempts for this account\. Wait a minute/,
      { timeout: 5_000 },
    );
  }).toPass();
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("a forgotten password is reset through the emailed link", async ({ page, browser }) => {
  const { email } = await accountMadeElsewhere(browser);

  await open(page, "/sign-in");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { name: "Reset your password" })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me a link" }).click();
  await expect(page.getByRole("status")).toContainText("a reset link is on its way");

  await followMailedLink(page, email, "Reset your Checkmark password");
  await expect(page).toHaveURL(/\/reset-password\?token=/);
  await waitForHydration(page);
  await page.getByLabel("New password").fill("the new password");
  await page.getByRole("button", { name: "Save new password" }).click();
  await expect(page.getByRole("status")).toHaveText(/Your password is changed/);
  // A reset keeps passkeys and API keys (forgetful owners need them): the note says where they are.
  await expect(page.getByRole("status")).toContainText("passkeys and API keys still work");

  await fillSignIn(page, { email, password: "the new password" });
  await expect(page).toHaveURL(/\/todos$/);
});

test("a link that was no good, or none at all, says so where the reader looks first", async ({
  page,
}) => {
  // Better Auth sends a bad mailed link back to sign in with ?error=: the alert is about the
  // link, so it comes before the form, not beside the button as a wrong password would.
  await open(page, "/sign-in?error=INVALID_TOKEN");
  const alert = page.getByRole("alert");
  await expect(alert).toHaveText(/This link has expired or was already used/);
  const alertTop = (await alert.boundingBox())?.y ?? Number.POSITIVE_INFINITY;
  const emailTop = (await page.getByLabel("Email").boundingBox())?.y ?? 0;
  expect(alertTop).toBeLessThan(emailTop);

  // The reset page opened without the mailed link is not "expired": it says how to get one.
  await open(page, "/reset-password");
  await expect(page.getByRole("alert")).toHaveText(/needs the link from your reset email/);
  await page.getByRole("link", { name: "Get a new link" }).click();
  await expect(page.getByRole("heading", { name: "Reset your password" })).toBeVisible();
  await page.getByRole("link", { name: "Back to sign in" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("a sign-in cannot be sent before the page runs its script, so nothing typed is lost or put in the URL", async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const navigations: string[] = [];
  page.on("request", (request) => {
    if (request.isNavigationRequest()) navigations.push(`${request.method()} ${request.url()}`);
  });
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("someone@example.com");
  const password = page.getByLabel("Password", { exact: true });
  await password.fill("a-secret-password");
  // Enter would send the form natively; Playwright waits for any navigation a key starts.
  await password.press("Enter");
  await expect(
    page.getByRole("button", { name: "Sign in (ready once the page has loaded)" }),
  ).toBeDisabled();
  // The page says why in a <noscript>, which Chromium does not render when Playwright turns
  // scripts off (its parser still runs as if they were on): check the page carries it.
  expect(await page.content()).toContain("JavaScript is off");
  await expect(page.getByLabel("Email")).toHaveValue("someone@example.com");
  await expect(password).toHaveValue("a-secret-password");
  expect(navigations).toHaveLength(1);
  expect(navigations.join(" ")).not.toContain("a-secret-password");
  await context.close();
});
