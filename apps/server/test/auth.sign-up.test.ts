import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import {
  authPost,
  cookiesFrom,
  countMailTo,
  mailTo,
  rpc,
  signUp,
  signUpUnverified,
  uniqueEmail,
} from "./fixtures";

const countUsers = (email: string) =>
  env.DB.prepare("SELECT COUNT(*) AS n FROM user WHERE email = ?").bind(email).first<number>("n");

const signUpBody = (email: string) => ({
  name: "Someone",
  email,
  password: "a long enough password",
});

describe("sign-up", () => {
  it("creates the account, mails a confirmation link, and signs no one in yet", async () => {
    const email = uniqueEmail("new");
    const response = await authPost("sign-up/email", signUpBody(email));
    expect(response.status).toBe(200);
    expect(await countUsers(email)).toBe(1);
    expect(cookiesFrom(response)).not.toContain("session_token=");
    expect((await mailTo(email, "Confirm your email")).body).toContain("/confirm-email?token=");
  });

  it("mails the confirmation link without the name typed at sign-up (anyone can type any address)", async () => {
    const stranger = uniqueEmail("stranger");
    await signUpUnverified({ email: stranger, name: "WIN A PRIZE at evil.example" });
    const { body } = await mailTo(stranger, "Confirm your email");
    expect(body).toMatch(/^Hello,\n/);
    expect(body).not.toContain("WIN A PRIZE");
  });

  it("answers a taken email exactly like a new one, and tells the owner instead", async () => {
    const owner = await signUp();
    const fresh = await authPost("sign-up/email", signUpBody(uniqueEmail("fresh")));
    const taken = await authPost("sign-up/email", signUpBody(owner.email));

    expect(taken.status).toBe(fresh.status);
    const [freshBody, takenBody] = [await fresh.json(), await taken.json()];
    expect(Object.keys(takenBody as object).sort()).toEqual(
      Object.keys(freshBody as object).sort(),
    );
    expect(takenBody).toMatchObject({
      token: null,
      user: { email: owner.email, emailVerified: false },
    });
    expect(await countUsers(owner.email)).toBe(1);
    expect((await mailTo(owner.email, "tried to sign up")).body).toContain("/sign-in");
  });

  it("refuses a password shorter than 8 characters and sends nothing", async () => {
    const email = uniqueEmail("short");
    const response = await authPost("sign-up/email", { ...signUpBody(email), password: "1234567" });
    expect(response.status).toBe(400);
    expect(await countUsers(email)).toBe(0);
    // Mail is sent after the response: a later, valid sign-up's mail landing means anything
    // the refused one had queued would have landed too.
    const later = uniqueEmail("later");
    await authPost("sign-up/email", signUpBody(later));
    await mailTo(later, "Confirm your email");
    expect(await countMailTo(email)).toBe(0);
  });

  it("refuses a password longer than 128 characters", async () => {
    const email = uniqueEmail("long");
    const response = await authPost("sign-up/email", {
      ...signUpBody(email),
      password: "p".repeat(129),
    });
    expect(response.status).toBe(400);
    expect(await countUsers(email)).toBe(0);
  });

  it("the confirmation link signs the user in; account.me names them and only them", async () => {
    const user = await signUp({ name: "Me Myself" });
    await expect(rpc(user.cookie).account.me()).resolves.toMatchObject({
      name: "Me Myself",
      email: user.email,
    });
    await expect(rpc().account.me()).resolves.toBeNull();
  });

  it("until the email is confirmed, sign-in is refused with a fresh link sent", async () => {
    const user = await signUpUnverified();
    const response = await authPost("sign-in/email", {
      email: user.email,
      password: user.password,
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: "EMAIL_NOT_VERIFIED" });
    expect(cookiesFrom(response)).not.toContain("session_token=");
    // One link from sign-up, a fresh one from this refused sign-in, sent after the response.
    await expect.poll(() => countMailTo(user.email), { timeout: 5_000 }).toBe(2);
  });
});
