import { describe, expect, it } from "vitest";
import { authPost, signedInUser, signUp, uniqueEmail } from "./fixtures";

// PASSWORD_LIMITER in wrangler.jsonc: 10 password checks a minute per account. The binding counts
// in fixed 60 s windows, so a burst that straddles a boundary gets a fresh budget: a refusal is
// certain only within two windows' worth of attempts.
const PER_ACCOUNT = 10;

/**
 * Sends `attempt` (each call from a new address, as authPost does, so no per-IP limit is met)
 * until the account's budget refuses one; the statuses before it, and the refusal.
 */
async function untilRefused(attempt: (i: number) => Promise<Response>) {
  const before: number[] = [];
  while (before.length <= 2 * PER_ACCOUNT) {
    const response = await attempt(before.length);
    if (response.status === 429) return { before, refused: response };
    before.push(response.status);
  }
  throw new Error(`no 429 after ${before.length} attempts: ${before.join(", ")}`);
}

async function expectAccountRefusal(response: Response) {
  expect(response.status).toBe(429);
  expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
  // Better Auth's own error shape, with a code the web app words for the person.
  expect(await response.json()).toMatchObject({ code: "TOO_MANY_PASSWORD_ATTEMPTS" });
}

const signIn = (email: string, password: string) => authPost("sign-in/email", { email, password });

describe("password guessing per account, from any number of addresses", () => {
  it("refuses sign-ins to one account after the limit, even with the right password", async () => {
    const victim = await signUp();
    const { before, refused } = await untilRefused((i) => signIn(victim.email, `guess ${i}!!`));
    expect(before.length).toBeGreaterThanOrEqual(PER_ACCOUNT);
    expect(new Set(before)).toEqual(new Set([401]));
    await expectAccountRefusal(refused);

    // No oracle while refused; the address typed counts whatever its case.
    const right = await signIn(victim.email.toUpperCase(), victim.password);
    await expectAccountRefusal(right);
  });

  it("leaves every other account alone", async () => {
    const victim = await signUp();
    const bystander = await signUp();
    await untilRefused((i) => signIn(victim.email, `guess ${i}!!`));
    expect((await signIn(bystander.email, bystander.password)).status).toBe(200);
  });

  it("counts an unknown address like an account's, with the same answers", async () => {
    const victim = await signUp();
    const nobody = uniqueEmail("nobody");
    const known = await untilRefused((i) => signIn(victim.email, `guess ${i}!!`));
    const unknown = await untilRefused((i) => signIn(nobody, `guess ${i}!!`));
    expect(new Set(unknown.before)).toEqual(new Set([401]));
    expect(await unknown.refused.json()).toEqual(await known.refused.json());
    expect(unknown.refused.headers.get("retry-after")).toBe(
      known.refused.headers.get("retry-after"),
    );
  });
});

describe("password checks with a stolen session, per user", () => {
  it("refuses change-password after the limit, even with the right password", async () => {
    const victim = await signedInUser();
    const change = (currentPassword: string) =>
      authPost(
        "change-password",
        { currentPassword, newPassword: "the thief's new password" },
        { cookie: victim.cookie },
      );
    const { before, refused } = await untilRefused((i) => change(`guess ${i}!!`));
    expect(before.length).toBeGreaterThanOrEqual(PER_ACCOUNT - 1);
    expect(new Set(before)).toEqual(new Set([400]));
    await expectAccountRefusal(refused);
    await expectAccountRefusal(await change(victim.password));

    // The same budget as the app's own password checks, and the password is unchanged.
    await expect(
      victim.client.account.changeEmail({
        newEmail: uniqueEmail("new"),
        password: victim.password,
      }),
    ).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS", status: 429 });
    expect((await signIn(victim.email, victim.password)).status).toBe(200);
  });

  it.each([
    "two-factor/enable",
    "two-factor/disable",
    "two-factor/get-totp-uri",
    "two-factor/generate-backup-codes",
    "verify-password",
  ])("refuses %s after the limit", async (path) => {
    const victim = await signedInUser();
    const { before, refused } = await untilRefused((i) =>
      authPost(path, { password: `guess ${i}!!` }, { cookie: victim.cookie }),
    );
    expect(before.length).toBeGreaterThanOrEqual(PER_ACCOUNT - 1);
    expect(before.every((status) => status >= 400 && status < 429)).toBe(true);
    await expectAccountRefusal(refused);
  });
});
