import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import {
  authPost,
  confirmationToken,
  confirmEmail,
  mailTo,
  requestPasswordReset,
  resetToken,
  signUp,
  signUpUnverified,
  uniqueEmail,
} from "./fixtures";

// Mail anyone can make the app send to an address, without signing in: Better Auth's limits
// count per client address only, so requests from many addresses (or 10 sign-ups a minute
// from one) could fill a stranger's inbox and spend the app's sending reputation. Each kind has
// a budget per recipient per hour (packages/auth/src/recipient-mail-budget.ts, ADR 139).
const NOTICES_PER_HOUR = 3;
const LINKS_PER_HOUR = 5;

const mailsAbout = async (email: string, subject: string) =>
  (await env.DB.prepare("SELECT COUNT(*) AS n FROM dev_mail WHERE recipient = ? AND subject LIKE ?")
    .bind(email, `%${subject}%`)
    .first<number>("n")) ?? 0;

/**
 * Mail leaves after the response: waits for `expected` mails about `subject`, then for a mail of
 * another kind queued after them all (`barrier`), and answers how many there are by then.
 */
async function finalCount(
  email: string,
  subject: string,
  expected: number,
  barrier: { send: () => Promise<unknown>; subject: string },
) {
  await expect.poll(() => mailsAbout(email, subject), { timeout: 10_000 }).toBe(expected);
  await barrier.send();
  await mailTo(email, barrier.subject);
  return mailsAbout(email, subject);
}

const signUpAs = (email: string) =>
  authPost("sign-up/email", { name: "Someone", email, password: "a long enough password" });

describe("mail to one address that nobody signed in asked for", () => {
  it("'someone tried to sign up with your email' reaches the owner 3 times an hour, however many sign-ups try; each answers as before", async () => {
    const owner = await signUp();
    const shapes = new Set<string>();
    const shapeOf = (value: unknown): unknown =>
      value && typeof value === "object"
        ? Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, shapeOf(inner)]))
        : typeof value;
    for (let n = 0; n < NOTICES_PER_HOUR + 3; n++) {
      // Each from an address of its own (authPost picks one), as a spread-out sender would.
      const response = await signUpAs(owner.email);
      expect(response.status).toBe(200);
      shapes.add(JSON.stringify(shapeOf(await response.json())));
    }
    const notices = await finalCount(owner.email, "Someone tried to sign up", NOTICES_PER_HOUR, {
      send: () => requestPasswordReset(owner.email),
      subject: "Reset your",
    });
    expect(notices).toBe(NOTICES_PER_HOUR);
    // A refused notice changes nothing the caller sees (the same fields every time): no oracle.
    expect(shapes.size).toBe(1);
  });

  it("reset links reach an address 5 times an hour; later requests answer the same and mail nothing, and a mailed link still works", async () => {
    const owner = await signUp();
    const unknown = await (await requestPasswordReset(uniqueEmail("nobody"))).json();
    for (let n = 0; n < LINKS_PER_HOUR + 3; n++) {
      const response = await requestPasswordReset(owner.email);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual(unknown);
    }
    const links = await finalCount(owner.email, "Reset your", LINKS_PER_HOUR, {
      send: () => signUpAs(owner.email),
      subject: "Someone tried to sign up",
    });
    expect(links).toBe(LINKS_PER_HOUR);
    // The owner is not locked out: the links already mailed live as long as the window.
    const reset = await authPost("reset-password", {
      token: await resetToken(owner.email),
      newPassword: "a brand new password",
    });
    expect(reset.status).toBe(200);
  });

  it("confirmation links reach an unconfirmed address 5 times an hour; past that a sign-up replaces nothing, so the last link mailed still confirms", async () => {
    const email = uniqueEmail("unconfirmed");
    const { password } = await signUpUnverified({ email });
    for (let n = 1; n < LINKS_PER_HOUR + 2; n++) await signUpUnverified({ email, password });
    const resend = await authPost("send-verification-email", { email, callbackURL: "/sign-in" });
    expect(resend.status).toBe(200);
    const links = await finalCount(email, "Confirm your email", LINKS_PER_HOUR, {
      send: () => requestPasswordReset(email),
      subject: "Reset your",
    });
    expect(links).toBe(LINKS_PER_HOUR);
    // The sign-ups past the budget replaced nothing: the last link mailed still confirms.
    const confirmed = await confirmEmail(await confirmationToken(email), password);
    expect(confirmed.status).toBe(200);
  });
});
