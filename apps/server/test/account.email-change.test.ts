import { env, SELF } from "cloudflare:test";
import type { AppRouterClient } from "@checkmark/api";
import { isDefinedError } from "@orpc/client";
import { describe, expect, it } from "vitest";
import {
  authPost,
  cookiesFrom,
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
import { totpCode } from "./totp";
import { turnOnTwoFactor } from "./two-factor-on";

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

const rowsOf = (table: string, userId: string) =>
  env.DB.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE user_id = ?`)
    .bind(userId)
    .first<number>("n");

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
    // Two-factor was off when the change was asked for, so the link alone is enough.
    const newEmail = uniqueEmail("intruder");
    await me.client.account.changeEmail({ newEmail, password: me.password });
    await rpc().account.confirmEmailChange({
      token: await mailedToken(newEmail, "Confirm your new email"),
    });
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
    const token = await mailedToken(me.email, "Your Checkmark email was changed");

    await expect(rpc().account.restoreEmail({ token })).resolves.toEqual({
      email: me.email,
      keptSecondFactor: false,
    });
    expect(await emailOf(me.userId)).toBe(me.email);
    expect(await me.client.account.me()).toBeNull();
    expect((await signIn(newEmail, me.password)).status).toBe(401);
    const withKey = await SELF.fetch(`${ORIGIN}/api/v1/todos`, {
      headers: { "x-api-key": key, "cf-connecting-ip": randomIp() },
    });
    expect(withKey.status).toBe(401);
    for (const table of ["api_key", "passkey", "two_factor"]) {
      expect(await rowsOf(table, me.userId), table).toBe(0);
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
    await expect(rpc().account.restoreEmail({ token })).resolves.toEqual({
      email: me.email,
      keptSecondFactor: false,
    });

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

/** The owner's account with two-factor on. */
async function signedInWithTwoFactor() {
  const me = await signedInUser();
  const factor = await turnOnTwoFactor(me.cookie, me.password);
  return { ...me, ...factor, client: rpc(factor.cookie) };
}

/**
 * Someone holding the password and a session turns two-factor off and on again: Better Auth
 * deletes the owner's factor and makes theirs, a new row (whose codes the owner does not have).
 */
async function replaceSecondFactor(me: { userId: string; cookie: string; password: string }) {
  const before = await factorIdOf(me.userId);
  const off = await authPost(
    "two-factor/disable",
    { password: me.password },
    { cookie: me.cookie },
  );
  expect(off.status).toBe(200);
  const theirs = await turnOnTwoFactor(cookiesFrom(off), me.password);
  const after = await factorIdOf(me.userId);
  expect(after).not.toBeNull();
  expect(after).not.toBe(before);
  return theirs;
}

const factorIdOf = (userId: string) =>
  env.DB.prepare("SELECT id FROM two_factor WHERE user_id = ?").bind(userId).first<string>("id");

/** Rewrites a pending link's data with the SQL `edit`: to the shape older links carry. */
const rewriteLink = (purpose: string, userId: string, edit: string) =>
  env.DB.prepare(`UPDATE verification SET value = ${edit} WHERE identifier = ?`)
    .bind(`${purpose}:${userId}`)
    .run();

/** The owner moves to a new address (say, leaving an old job's mailbox): the old one's link. */
async function movedAway(me: { client: AppRouterClient; email: string; password: string }) {
  const newEmail = uniqueEmail("moved");
  await me.client.account.changeEmail({ newEmail, password: me.password });
  await rpc().account.confirmEmailChange({
    token: await mailedToken(newEmail, "Confirm your new email"),
  });
  return { newEmail, token: await mailedToken(me.email, "Your Checkmark email was changed") };
}

const refusal = (call: Promise<unknown>) =>
  call.then(
    () => ({ code: "accepted", paths: [] as string[] }),
    (error: { code?: string }) => ({ code: error.code, paths: issuePaths(error) }),
  );

describe("undoing an email change when two-factor was on (ADR 135)", () => {
  it("refuses the old mailbox's link without a code, so its reader cannot take the account", async () => {
    const me = await signedInWithTwoFactor();
    const { newEmail, token } = await movedAway(me);

    const attempt = rpc().account.restoreEmail({ token });
    await expect(attempt).rejects.toMatchObject({
      code: "SECOND_FACTOR_REQUIRED",
      status: 403,
      message: expect.stringContaining("authenticator app"),
    });
    await expect(attempt.catch((error) => isDefinedError(error))).resolves.toBe(true);
    // Nothing moved: the account still signs in with the new address, and its second factor,
    // sessions and the link itself are as they were.
    expect(await emailOf(me.userId)).toBe(newEmail);
    await expect(me.client.account.me()).resolves.toMatchObject({ email: newEmail });
    expect(await rowsOf("two_factor", me.userId)).toBe(1);
    // The old address signs nothing in; the new one still stops at the second factor.
    expect((await signIn(me.email, me.password)).status).toBe(401);
    const owner = await signIn(newEmail, me.password);
    expect(await owner.json()).toMatchObject({ twoFactorRedirect: true });
    await expect(rpc().account.restoreEmail({ token, code: "not a code" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await emailOf(me.userId)).toBe(newEmail);
  });

  it("restores with a code from the app and keeps two-factor on; a code used before is refused", async () => {
    const me = await signedInWithTwoFactor();
    const { key } = await me.client.apiKey.create({
      name: "mine",
      scope: "read-write",
      password: me.password,
    });
    const { token } = await movedAway(me);

    // The code that turned two-factor on was used: refused at the field, nothing changes.
    const replay = await refusal(rpc().account.restoreEmail({ token, code: me.usedCode }));
    expect(replay).toEqual({ code: "BAD_REQUEST", paths: ["code"] });
    await expect(rpc().account.restoreEmail({ token, code: me.usedCode })).rejects.toMatchObject({
      message: expect.stringContaining("already used"),
    });
    await expect(me.client.account.me()).resolves.not.toBeNull();

    // The next code from the app (spaces as people type them are fine).
    const next = await totpCode(me.secret, 1);
    await expect(
      rpc().account.restoreEmail({ token, code: `${next.slice(0, 3)} ${next.slice(3)}` }),
    ).resolves.toEqual({ email: me.email, keptSecondFactor: true });
    expect(await emailOf(me.userId)).toBe(me.email);
    // Every session and key is gone; the second factor, the owner's own, stays.
    expect(await me.client.account.me()).toBeNull();
    const withKey = await SELF.fetch(`${ORIGIN}/api/v1/todos`, {
      headers: { "x-api-key": key, "cf-connecting-ip": randomIp() },
    });
    expect(withKey.status).toBe(401);
    expect(await rowsOf("api_key", me.userId)).toBe(0);
    expect(await rowsOf("two_factor", me.userId)).toBe(1);
    // Whoever reads the old mailbox can reset the password, but sign-in still asks for the code.
    expect((await requestPasswordReset(me.email)).status).toBe(200);
    const reset = await authPost("reset-password", {
      token: await resetToken(me.email),
      newPassword: "chosen by the mailbox's reader",
    });
    expect(reset.status).toBe(200);
    const signInAfter = await signIn(me.email, "chosen by the mailbox's reader");
    expect(signInAfter.status).toBe(200);
    expect(await signInAfter.json()).toMatchObject({ twoFactorRedirect: true });
    await expect(rpc(cookiesFrom(signInAfter)).account.me()).resolves.toBeNull();
  });

  it("restores with a backup code, which is then used up for sign-in too", async () => {
    const me = await signedInWithTwoFactor();
    const { token } = await movedAway(me);
    const [first, second] = me.backupCodes;
    if (!first || !second) throw new Error("no backup codes");

    await expect(rpc().account.restoreEmail({ token, code: first })).resolves.toEqual({
      email: me.email,
      keptSecondFactor: true,
    });
    // Better Auth's own sign-in reads the list the restore rewrote: that code is gone, others work.
    const step = await signIn(me.email, me.password);
    expect(await step.json()).toMatchObject({ twoFactorRedirect: true });
    const challenge = cookiesFrom(step);
    const reused = await authPost(
      "two-factor/verify-backup-code",
      { code: first },
      { cookie: challenge },
    );
    expect(reused.status).toBe(401);
    const other = await authPost(
      "two-factor/verify-backup-code",
      { code: second },
      { cookie: challenge },
    );
    expect(other.status).toBe(200);
    await expect(rpc(cookiesFrom(other)).account.me()).resolves.toMatchObject({ email: me.email });
  });

  it("spends the account's password budget on each code, then refuses even the right one", async () => {
    const me = await signedInWithTwoFactor();
    const { newEmail, token } = await movedAway(me);
    const guess = (code: string) => refusal(rpc().account.restoreEmail({ token, code }));
    // The binding counts in fixed 60 s windows, so the refusal comes within two windows' worth.
    const answers: (string | undefined)[] = [];
    while (
      !answers.includes("TOO_MANY_REQUESTS") &&
      answers.length <= 2 * PASSWORD_CHECKS_PER_MINUTE
    ) {
      answers.push((await guess(String(100000 + answers.length))).code);
    }
    expect(answers.at(-1)).toBe("TOO_MANY_REQUESTS");
    // Confirming the address, turning two-factor on and asking for the change spent some already.
    expect(answers.filter((code) => code === "BAD_REQUEST").length).toBeGreaterThanOrEqual(
      PASSWORD_CHECKS_PER_MINUTE - 3,
    );
    // No oracle while refused: the right code gets the same answer.
    expect((await guess(await totpCode(me.secret, 1))).code).toBe("TOO_MANY_REQUESTS");
    expect(await emailOf(me.userId)).toBe(newEmail);
  });

  it("counts wrong codes toward the second factor's lockout, which then refuses the right code", async () => {
    const me = await signedInWithTwoFactor();
    const { newEmail, token } = await movedAway(me);
    // Nine wrong codes in a row already (at sign-in, say): one more here locks it.
    await env.DB.prepare("UPDATE two_factor SET failed_verification_count = 9 WHERE user_id = ?")
      .bind(me.userId)
      .run();
    expect((await refusal(rpc().account.restoreEmail({ token, code: "000000" }))).code).toBe(
      "BAD_REQUEST",
    );
    const locked = rpc().account.restoreEmail({ token, code: await totpCode(me.secret, 1) });
    await expect(locked).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
      data: { retryAfterSeconds: expect.any(Number) },
    });
    expect(await emailOf(me.userId)).toBe(newEmail);
    // The lock is the one sign-in obeys.
    const step = await signIn(newEmail, me.password);
    const atSignIn = await authPost(
      "two-factor/verify-totp",
      { code: await totpCode(me.secret, 1) },
      { cookie: cookiesFrom(step) },
    );
    expect(atSignIn.status).toBe(429);
  });

  it("restores without a code when the factor on at the request was turned off and on again since, and removes the new one", async () => {
    const me = await signedInWithTwoFactor();
    const { newEmail, token } = await movedAway(me);
    // After the change, whoever holds the password swaps the owner's factor for their own.
    const theirs = await replaceSecondFactor(me);

    // The link does not ask for their code, which the owner does not have.
    await expect(rpc().account.restoreEmail({ token })).resolves.toEqual({
      email: me.email,
      keptSecondFactor: false,
    });
    expect(await emailOf(me.userId)).toBe(me.email);
    expect(await rowsOf("two_factor", me.userId)).toBe(0);
    await expect(rpc(theirs.cookie).account.me()).resolves.toBeNull();
    expect((await signIn(newEmail, me.password)).status).toBe(401);
    // The owner signs in with the password alone; their factor cannot lock them out.
    const back = await signIn(me.email, me.password);
    expect(back.status).toBe(200);
    expect(await back.json()).not.toHaveProperty("twoFactorRedirect");
  });

  it("a factor turned off and on again before the request is the one it asks for", async () => {
    const me = await signedInWithTwoFactor();
    const mine = await replaceSecondFactor(me);
    const { token } = await movedAway({ ...me, client: rpc(mine.cookie) });
    await expect(rpc().account.restoreEmail({ token })).rejects.toMatchObject({
      code: "SECOND_FACTOR_REQUIRED",
    });
    await expect(
      rpc().account.restoreEmail({ token, code: await totpCode(mine.secret, 1) }),
    ).resolves.toEqual({ email: me.email, keptSecondFactor: true });
    expect(await rowsOf("two_factor", me.userId)).toBe(1);
  });

  it("links mailed before the factor's id was recorded still ask for a code of whichever factor is on", async () => {
    // A change link of the old shape (whether two-factor was on), confirmed after today.
    const me = await signedInWithTwoFactor();
    const newEmail = uniqueEmail("moved");
    await me.client.account.changeEmail({ newEmail, password: me.password });
    await rewriteLink(
      "change-email",
      me.userId,
      "json_set(json_remove(value, '$.twoFactorId'), '$.twoFactor', json('true'))",
    );
    await rpc().account.confirmEmailChange({
      token: await mailedToken(newEmail, "Confirm your new email"),
    });
    const token = await mailedToken(me.email, "Your Checkmark email was changed");
    // As those links were promised: even a factor replaced since needs its code.
    const theirs = await replaceSecondFactor(me);
    await expect(rpc().account.restoreEmail({ token })).rejects.toMatchObject({
      code: "SECOND_FACTOR_REQUIRED",
    });

    // Older still, a restore link with neither field counts as "on".
    await rewriteLink("restore-email", me.userId, "json_remove(value, '$.twoFactor')");
    await expect(rpc().account.restoreEmail({ token })).rejects.toMatchObject({
      code: "SECOND_FACTOR_REQUIRED",
    });
    await expect(
      rpc().account.restoreEmail({ token, code: await totpCode(theirs.secret, 1) }),
    ).resolves.toEqual({ email: me.email, keptSecondFactor: true });
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
