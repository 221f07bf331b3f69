import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import {
  authPost,
  confirmationToken,
  confirmEmail,
  cookiesFrom,
  countMailTo,
  ORIGIN,
  openLink,
  rpc,
  signUp,
  signUpUnverified,
  uniqueEmail,
  verifyEmail,
} from "./fixtures";

const isConfirmed = (email: string) =>
  env.DB.prepare("SELECT email_verified FROM user WHERE email = ?")
    .bind(email)
    .first<number>("email_verified");

/** Someone registers the owner's address first, with a password of their own. */
async function squattedAddress() {
  const email = uniqueEmail("owner");
  const attacker = await signUpUnverified({ email, password: "the attacker's password" });
  const attackerLink = await confirmationToken(email);
  return { email, attacker, attackerLink };
}

describe("an address someone else registered first", () => {
  it("belongs to the owner who signs up and confirms it: the first password stops working", async () => {
    const { email } = await squattedAddress();
    await signUpUnverified({ email, password: "the owner's own password" });
    // Mail goes through a queue: wait for the owner's own link, the second one sent here.
    await expect.poll(() => countMailTo(email), { timeout: 10_000 }).toBe(2);
    const owner = {
      email,
      password: "the owner's own password",
      cookie: await verifyEmail(email, "the owner's own password"),
    };
    await rpc(owner.cookie).todo.create({ text: "the owner's private plan" });

    const attempt = await authPost("sign-in/email", { email, password: "the attacker's password" });
    expect(attempt.status).toBe(401);
    expect(cookiesFrom(attempt)).not.toContain("session_token=");
    const ownerSignIn = await authPost("sign-in/email", { email, password: owner.password });
    expect(ownerSignIn.status).toBe(200);
  });

  it("cannot be confirmed with a link sent before the owner's own sign-up", async () => {
    const { email, attackerLink } = await squattedAddress();
    await signUpUnverified({ email, password: "the owner's own password" });
    for (const password of ["the owner's own password", "the attacker's password"]) {
      const response = await confirmEmail(attackerLink, password);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ code: "INVALID_TOKEN" });
    }
    expect(await isConfirmed(email)).toBe(0);
  });

  it("is not confirmed by the owner's click alone: the link also needs the sign-up's password", async () => {
    const { email, attackerLink } = await squattedAddress();
    // The owner opens the mail they did not ask for; they do not know the password in it.
    const response = await confirmEmail(attackerLink, "the owner's guess");
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: "INVALID_PASSWORD" });
    expect(cookiesFrom(response)).not.toContain("session_token=");
    expect(await isConfirmed(email)).toBe(0);
  });

  it("cannot be confirmed through the link-only endpoint", async () => {
    const { email, attackerLink } = await squattedAddress();
    const response = await openLink(`${ORIGIN}/api/auth/verify-email?token=${attackerLink}`);
    expect(response.status).toBe(404);
    expect(await isConfirmed(email)).toBe(0);
  });
});

describe("a confirmation link opened while signed in to another account", () => {
  it("is refused and leaves the signed-in session as it was", async () => {
    const signedIn = await signUp({ name: "Already Here" });
    const other = await signUpUnverified();
    const response = await confirmEmail(await confirmationToken(other.email), other.password, {
      cookie: signedIn.cookie,
    });
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ code: "SIGNED_IN_AS_SOMEONE_ELSE" });
    expect(cookiesFrom(response)).not.toContain("session_token=");
    await expect(rpc(signedIn.cookie).account.me()).resolves.toMatchObject({
      email: signedIn.email,
    });
    expect(await isConfirmed(other.email)).toBe(0);
  });
});

describe("a confirmation link opened again once the address is confirmed", () => {
  it("signs nobody in (that would skip two-factor) and says the address is already confirmed", async () => {
    const user = await signUpUnverified();
    const link = await confirmationToken(user.email);
    const first = await confirmEmail(link, user.password);
    expect(cookiesFrom(first)).toMatch(/session_token=[^;]/);

    for (const password of [user.password, "anyone's guess"]) {
      const again = await confirmEmail(link, password);
      expect(again.status).toBe(200);
      await expect(again.json()).resolves.toEqual({ status: true, alreadyConfirmed: true });
      expect(cookiesFrom(again)).not.toContain("session_token=");
    }
  });
});
