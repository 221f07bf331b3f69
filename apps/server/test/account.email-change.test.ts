import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import {
  authPost,
  countMailTo,
  issuePaths,
  linkIn,
  mailTo,
  ORIGIN,
  randomIp,
  requestPasswordReset,
  resetToken,
  rpc,
  signedInUser,
  uniqueEmail,
} from "./fixtures";

/** PASSWORD_LIMITER in wrangler.jsonc: the account's one password budget (ADR 112). */
const PASSWORD_CHECKS_PER_MINUTE = 10;

const signIn = (email: string, password: string) => authPost("sign-in/email", { email, password });

/** The token in the newest mail to `email` about `subject`. */
async function mailedToken(email: string, subject: string) {
  const { body } = await mailTo(email, subject);
  const token = new URL(linkIn(body)).searchParams.get("token");
  if (!token) throw new Error(`no token in: ${body}`);
  return token;
}

const emailOf = (userId: string) =>
  env.DB.prepare("SELECT email FROM user WHERE id = ?").bind(userId).first<string>("email");

describe("changing the display name", () => {
  it("shows the new name, and a name over 100 characters is refused", async () => {
    const me = await signedInUser({ name: "Old Name" });
    const renamed = await authPost("update-user", { name: "New Name" }, { cookie: me.cookie });
    expect(renamed.status).toBe(200);
    expect(await me.client.account.me()).toMatchObject({ name: "New Name" });

    const tooLong = await authPost("update-user", { name: "n".repeat(101) }, { cookie: me.cookie });
    expect(tooLong.status).toBe(400);
    expect(await me.client.account.me()).toMatchObject({ name: "New Name" });
  });
});

describe("changing the email", () => {
  it("keeps the old address until the new one is confirmed, then switches and tells the old one", async () => {
    const me = await signedInUser();
    const newEmail = uniqueEmail("moved");
    await expect(
      me.client.account.changeEmail({ newEmail, password: me.password }),
    ).resolves.toEqual({ sentTo: newEmail });
    const token = await mailedToken(newEmail, "Confirm your new email");

    // Not yet confirmed: the old address still signs in, the new one does not.
    expect((await signIn(me.email, me.password)).status).toBe(200);
    expect((await signIn(newEmail, me.password)).status).toBe(401);

    await expect(rpc().account.confirmEmailChange({ token })).resolves.toEqual({
      email: newEmail,
    });
    expect((await signIn(newEmail, me.password)).status).toBe(200);
    expect((await signIn(me.email, me.password)).status).toBe(401);
    expect(await me.client.account.me()).toMatchObject({ email: newEmail });

    const notice = await mailTo(me.email, "Your Checkmark email was changed");
    expect(notice.body).toContain(newEmail);
    expect(linkIn(notice.body)).toContain("/restore-email?token=");

    // The link works once.
    await expect(rpc().account.confirmEmailChange({ token })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("is refused with the wrong password, and nothing is mailed", async () => {
    const me = await signedInUser();
    const newEmail = uniqueEmail("moved");
    const refused = me.client.account.changeEmail({ newEmail, password: "not my password" });
    await expect(refused).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(issuePaths(await refused.catch((error) => error))).toEqual(["password"]);
    expect(await countMailTo(newEmail)).toBe(0);
    expect(await emailOf(me.userId)).toBe(me.email);
  });

  it("allows a few password guesses a minute per account, then refuses even the right one", async () => {
    const me = await signedInUser();
    const guess = (password: string) =>
      me.client.account.changeEmail({ newEmail: uniqueEmail("guess"), password }).then(
        () => "accepted",
        (error: { code?: string }) => error.code,
      );
    // The binding counts in fixed 60 s windows, so the refusal comes within two windows' worth.
    const answers: unknown[] = [];
    while (
      !answers.includes("TOO_MANY_REQUESTS") &&
      answers.length <= 2 * PASSWORD_CHECKS_PER_MINUTE
    ) {
      answers.push(await guess(`wrong ${answers.length}`));
    }
    // Confirming the address at sign-up spent one check of the account's budget already.
    expect(answers.filter((code) => code === "BAD_REQUEST").length).toBeGreaterThanOrEqual(
      PASSWORD_CHECKS_PER_MINUTE - 1,
    );
    expect(answers.at(-1)).toBe("TOO_MANY_REQUESTS");
    // No oracle while refused: the right password gets the same answer.
    expect(await guess(me.password)).toBe("TOO_MANY_REQUESTS");
    expect(await emailOf(me.userId)).toBe(me.email);
  });

  it("to an address another account holds answers alike but changes nothing and mails no link", async () => {
    const me = await signedInUser();
    const other = await signedInUser();
    await expect(
      me.client.account.changeEmail({ newEmail: other.email, password: me.password }),
    ).resolves.toEqual({ sentTo: other.email });

    // Its owner hears of the attempt; no confirmation link exists for it.
    const notice = await mailTo(other.email, "Someone tried to move a Checkmark account");
    expect(notice.body).not.toContain(me.email);
    const links = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM dev_mail WHERE recipient = ? AND subject LIKE '%Confirm your new email%'",
    )
      .bind(other.email)
      .first<number>("n");
    expect(links).toBe(0);
    expect(await emailOf(me.userId)).toBe(me.email);
    expect(await emailOf(other.userId)).toBe(other.email);
  });

  it("is refused when the address was taken between the request and the click", async () => {
    const me = await signedInUser();
    const newEmail = uniqueEmail("raced");
    await me.client.account.changeEmail({ newEmail, password: me.password });
    const token = await mailedToken(newEmail, "Confirm your new email");
    await signedInUser({ email: newEmail });

    await expect(rpc().account.confirmEmailChange({ token })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("another account"),
    });
    expect(await emailOf(me.userId)).toBe(me.email);
  });

  it("refuses a made-up or tampered link", async () => {
    const me = await signedInUser();
    const newEmail = uniqueEmail("moved");
    await me.client.account.changeEmail({ newEmail, password: me.password });
    const token = await mailedToken(newEmail, "Confirm your new email");
    for (const bad of [`${token}x`, `${me.userId}.nothing`, "garbage"]) {
      await expect(rpc().account.confirmEmailChange({ token: bad })).rejects.toMatchObject({
        code: "BAD_REQUEST",
      });
    }
    expect(await emailOf(me.userId)).toBe(me.email);
  });

  it("can be undone from the old address, which signs out every device and removes keys, passkeys and two-factor", async () => {
    const me = await signedInUser();
    // The intruder's ways back in, added while they held the account: a key through the app,
    // a passkey and their own second factor (rows as Better Auth's plugins write them).
    const { key } = await me.client.apiKey.create({
      name: "intruder",
      scope: "read-write",
      password: me.password,
    });
    await env.DB.batch([
      env.DB.prepare(
        "INSERT INTO passkey (id, name, public_key, user_id, credential_id, counter, device_type, backed_up, created_at) VALUES (?, 'intruder', 'pk', ?, ?, 0, 'singleDevice', 0, ?)",
      ).bind(crypto.randomUUID(), me.userId, crypto.randomUUID(), Date.now()),
      env.DB.prepare(
        "INSERT INTO two_factor (id, secret, backup_codes, user_id) VALUES (?, 'intruder-secret', '[]', ?)",
      ).bind(crypto.randomUUID(), me.userId),
      env.DB.prepare("UPDATE user SET two_factor_enabled = 1 WHERE id = ?").bind(me.userId),
    ]);
    const newEmail = uniqueEmail("intruder");
    await me.client.account.changeEmail({ newEmail, password: me.password });
    await rpc().account.confirmEmailChange({
      token: await mailedToken(newEmail, "Confirm your new email"),
    });
    const token = await mailedToken(me.email, "Your Checkmark email was changed");

    await expect(rpc().account.restoreEmail({ token })).resolves.toEqual({ email: me.email });
    expect(await emailOf(me.userId)).toBe(me.email);
    expect(await me.client.account.me()).toBeNull();
    expect((await signIn(newEmail, me.password)).status).toBe(401);
    const withKey = await SELF.fetch(`${ORIGIN}/api/v1/todos`, {
      headers: { "x-api-key": key, "cf-connecting-ip": randomIp() },
    });
    expect(withKey.status).toBe(401);
    for (const table of ["api_key", "passkey", "two_factor"]) {
      const left = await env.DB.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE user_id = ?`)
        .bind(me.userId)
        .first<number>("n");
      expect(left, table).toBe(0);
    }
    // With the password, the owner signs in again without anyone else's second factor.
    const back = await signIn(me.email, me.password);
    expect(back.status).toBe(200);
    expect(await back.json()).not.toHaveProperty("twoFactorRedirect");
    await expect(rpc().account.restoreEmail({ token })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("undone from the old address, voids the reset links the intruder asked for meanwhile", async () => {
    const me = await signedInUser();
    // The intruder knows the password: they move the account to their mailbox…
    const newEmail = uniqueEmail("intruder");
    await me.client.account.changeEmail({ newEmail, password: me.password });
    await rpc().account.confirmEmailChange({
      token: await mailedToken(newEmail, "Confirm your new email"),
    });
    // …and, holding the address, ask for a reset link there.
    await requestPasswordReset(newEmail);
    const intrudersLink = await resetToken(newEmail);

    const token = await mailedToken(me.email, "Your Checkmark email was changed");
    await expect(rpc().account.restoreEmail({ token })).resolves.toEqual({ email: me.email });

    // Their link no longer sets the password of the restored account.
    const late = await authPost("reset-password", {
      token: intrudersLink,
      newPassword: "the intruder's password",
    });
    expect(late.status).toBe(400);
    expect(await late.json()).toMatchObject({ code: "INVALID_TOKEN" });
    expect((await signIn(me.email, "the intruder's password")).status).toBe(401);
    expect((await signIn(me.email, me.password)).status).toBe(200);
  });

  it("needs a session", async () => {
    await expect(
      rpc().account.changeEmail({ newEmail: uniqueEmail(), password: "whatever it is" }),
    ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("mail to addresses the account does not own yet", () => {
  // EMAIL_CHANGE_MAILS_PER_WINDOW in packages/api/src/account/email-change-budget.ts.
  const MAILS_PER_HOUR = 3;

  it("is a few an hour per account, the notice to a taken address included, then refused with the wait", async () => {
    const me = await signedInUser();
    const other = await signedInUser();
    const change = (newEmail: string) =>
      me.client.account.changeEmail({ newEmail, password: me.password });
    const sentTo = [uniqueEmail("first"), other.email, uniqueEmail("third")];
    for (const address of sentTo)
      await expect(change(address)).resolves.toEqual({ sentTo: address });
    expect(sentTo).toHaveLength(MAILS_PER_HOUR);

    const refusedAddress = uniqueEmail("fourth");
    const refused = await change(refusedAddress).catch((error: unknown) => error);
    expect(refused).toMatchObject({
      code: "TOO_MANY_REQUESTS",
      status: 429,
      message: expect.stringMatching(/3 times an hour\. Try again in (60|59) minutes/),
    });
    const wait = (refused as { data: { retryAfterSeconds: number } }).data.retryAfterSeconds;
    expect(wait).toBeGreaterThan(3500);
    expect(wait).toBeLessThanOrEqual(3600);

    // Someone else's budget is their own.
    const theirs = uniqueEmail("theirs");
    await expect(
      other.client.account.changeEmail({ newEmail: theirs, password: other.password }),
    ).resolves.toEqual({ sentTo: theirs });

    // An hour on, the oldest mail has left the window: one more may go.
    await env.DB.prepare(
      "UPDATE verification SET expires_at = expires_at - 3600000 WHERE identifier = ? AND id = (SELECT id FROM verification WHERE identifier = ? ORDER BY expires_at LIMIT 1)",
    )
      .bind(`email-change-mail:${me.userId}`, `email-change-mail:${me.userId}`)
      .run();
    await expect(change(refusedAddress)).resolves.toEqual({ sentTo: refusedAddress });
    await expect(change(uniqueEmail("fifth"))).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    // The refused try mailed nothing: once this allowed mail, queued well after the refusal, has
    // arrived, it is the only one that address has.
    await mailTo(refusedAddress, "Confirm your new email");
    expect(await countMailTo(refusedAddress)).toBe(1);
  });

  it("leaves the display name out of the link mailed to the new address", async () => {
    const name = "Cheap pills at spam.example";
    const me = await signedInUser({ name });
    const newEmail = uniqueEmail("stranger");
    await me.client.account.changeEmail({ newEmail, password: me.password });
    const { body } = await mailTo(newEmail, "Confirm your new email");
    expect(linkIn(body)).toContain("/confirm-email-change?token=");
    expect(body).not.toContain(name);
  });
});
