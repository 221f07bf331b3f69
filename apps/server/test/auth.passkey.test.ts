import { env, SELF } from "cloudflare:test";
import { safe } from "@checkmark/api/client";
import { describe, expect, it } from "vitest";
import {
  authPost,
  cookiesFrom,
  issuePaths,
  ORIGIN,
  randomIp,
  rpc,
  signUp,
  type TestUser,
} from "./fixtures";
import {
  assertion,
  createCredential,
  type DeviceChecks,
  otherKeys,
  type Passkey,
} from "./webauthn-authenticator";

function authGet(path: string, cookie = "") {
  return SELF.fetch(`${ORIGIN}/api/auth/${path}`, {
    headers: { origin: ORIGIN, "cf-connecting-ip": randomIp(), ...(cookie ? { cookie } : {}) },
  });
}

const joinCookies = (...cookies: string[]) => cookies.filter(Boolean).join("; ");

/** The device's half of a registration: options from the server, then the signed answer. */
async function register(
  user: TestUser,
  name: string | undefined,
  beforeVerify?: () => Promise<unknown>,
  device: DeviceChecks = {},
) {
  const options = await authGet("passkey/generate-register-options", user.cookie);
  if (options.status !== 200) return { options, verified: null, passkey: null };
  const { passkey, response } = await createCredential(await options.json(), ORIGIN, device);
  await beforeVerify?.();
  const verified = await authPost(
    "passkey/verify-registration",
    { response, name },
    { cookie: joinCookies(user.cookie, cookiesFrom(options)) },
  );
  return { options, verified, passkey };
}

/** Adds a passkey as the settings page does: the password first, then the device. */
async function addPasskey(user: TestUser, name: string): Promise<Passkey> {
  await rpc(user.cookie).passkey.allowRegistration({ password: user.password });
  const { options, verified, passkey } = await register(user, name);
  expect(options.status).toBe(200);
  expect(verified?.status).toBe(200);
  if (!passkey) throw new Error("no passkey made");
  return passkey;
}

/** Signs in as the sign-in page's passkey button does; answers the verify response. */
async function signInWith(passkey: Passkey, device?: DeviceChecks & { signingKey?: CryptoKey }) {
  const options = await authGet("passkey/generate-authenticate-options");
  expect(options.status).toBe(200);
  const challengeCookie = cookiesFrom(options);
  const response = await assertion(passkey, await options.json(), ORIGIN, device);
  const verify = () =>
    authPost("passkey/verify-authentication", { response }, { cookie: challengeCookie });
  return { response: await verify(), replay: verify };
}

describe("passkeys", () => {
  it("one added while signed in is listed by name and signs in without a password", async () => {
    const user = await signUp();
    const passkey = await addPasskey(user, "Work laptop");
    const listed = await authGet("passkey/list-user-passkeys", user.cookie);
    await expect(listed.json()).resolves.toEqual([
      expect.objectContaining({ name: "Work laptop" }),
    ]);

    const { response } = await signInWith(passkey);
    expect(response.status).toBe(200);
    await expect(rpc(cookiesFrom(response)).account.me()).resolves.toMatchObject({
      email: user.email,
    });
  });

  it("cannot be added with a session alone: the password comes first, once per passkey", async () => {
    const user = await signUp();
    const passwordFirst = { code: "PASSWORD_REQUIRED" };
    const stolenCookieOnly = await register(user, "Intruder's key");
    expect(stolenCookieOnly.options.status).toBe(403);
    await expect(stolenCookieOnly.options.json()).resolves.toMatchObject(passwordFirst);

    const [wrong] = await safe(
      rpc(user.cookie).passkey.allowRegistration({ password: "a guess at it" }),
    );
    expect(wrong).toMatchObject({ code: "BAD_REQUEST", message: "That is not your password." });
    expect(issuePaths(wrong)).toEqual(["password"]);
    expect((await register(user, "Intruder's key")).options.status).toBe(403);

    await addPasskey(user, "Phone");
    // The check was used up by the passkey it allowed: the next one needs the password again.
    expect((await register(user, "Second")).options.status).toBe(403);
    const listed = await authGet("passkey/list-user-passkeys", user.cookie);
    await expect(listed.json()).resolves.toEqual([expect.objectContaining({ name: "Phone" })]);
  });

  it("a password check lapses after its five minutes, even between the two steps", async () => {
    const user = await signUp();
    await rpc(user.cookie).passkey.allowRegistration({ password: user.password });
    const lapsed = await register(user, "Too late", () =>
      env.DB.prepare(
        `UPDATE verification SET expires_at = ? WHERE identifier IN (
           SELECT 'passkey-registration-grant:' || s.id FROM session s JOIN user u ON u.id = s.user_id
           WHERE u.email = ?)`,
      )
        .bind(Date.now() - 1000, user.email)
        .run(),
    );
    expect(lapsed.options.status).toBe(200);
    expect(lapsed.verified?.status).toBe(403);
    const listed = await authGet("passkey/list-user-passkeys", user.cookie);
    await expect(listed.json()).resolves.toEqual([]);
  });

  it("a password check allows only the session that made it", async () => {
    const user = await signUp();
    const signIn = await authPost("sign-in/email", { email: user.email, password: user.password });
    const elsewhere = { ...user, cookie: cookiesFrom(signIn) };
    await rpc(elsewhere.cookie).passkey.allowRegistration({ password: user.password });
    const other = await register(user, "Not this one");
    expect(other.options.status).toBe(403);
    expect((await register(elsewhere, "Laptop")).verified?.status).toBe(200);
  });

  it("cannot be added without a signed-in session", async () => {
    const options = await authGet("passkey/generate-register-options");
    expect(options.status).toBe(401);
  });

  it("refuses a sign-in with a credential this app never registered", async () => {
    const user = await signUp();
    const registered = await addPasskey(user, "Phone");
    const stranger: Passkey = {
      ...registered,
      credentialId: crypto.getRandomValues(new Uint8Array(16)),
    };
    const { response } = await signInWith(stranger);
    expect(response.status).toBe(401);
    expect(cookiesFrom(response)).not.toMatch(/session_token=[^;]/);
  });

  it("refuses a signature made with another key, and a replayed sign-in", async () => {
    const user = await signUp();
    const passkey = await addPasskey(user, "Phone");
    const forged = await signInWith(passkey, { signingKey: (await otherKeys()).privateKey });
    expect(forged.response.status).toBe(401);
    await expect(forged.response.json()).resolves.toMatchObject({ code: "AUTHENTICATION_FAILED" });
    expect(cookiesFrom(forged.response)).not.toMatch(/session_token=[^;]/);

    const honest = await signInWith(passkey);
    expect(honest.response.status).toBe(200);
    // The challenge was used up: the same signed answer does not sign in twice.
    const replayed = await honest.replay();
    expect(replayed.status).toBe(400);
    await expect(replayed.json()).resolves.toMatchObject({ code: "CHALLENGE_NOT_FOUND" });
    expect(cookiesFrom(replayed)).not.toMatch(/session_token=[^;]/);
  });

  it("removed by its owner stops signing in; nobody else can remove it", async () => {
    const owner = await signUp();
    const stranger = await signUp();
    const passkey = await addPasskey(owner, "Old phone");
    const [listed] = (await (await authGet("passkey/list-user-passkeys", owner.cookie)).json()) as {
      id: string;
    }[];
    if (!listed) throw new Error("no passkey listed");

    const foreign = await authPost(
      "passkey/delete-passkey",
      { id: listed.id },
      { cookie: stranger.cookie },
    );
    expect(foreign.ok).toBe(false);
    expect((await signInWith(passkey)).response.status).toBe(200);

    const removed = await authPost(
      "passkey/delete-passkey",
      { id: listed.id },
      { cookie: owner.cookie },
    );
    expect(removed.status).toBe(200);
    await expect(
      (await authGet("passkey/list-user-passkeys", owner.cookie)).json(),
    ).resolves.toEqual([]);
    expect((await signInWith(passkey)).response.status).toBe(401);
  });

  it("has a name of at most 60 characters, checked by the server when adding and renaming", async () => {
    const user = await signUp();
    await rpc(user.cookie).passkey.allowRegistration({ password: user.password });
    const tooLong = await register(user, "n".repeat(61));
    expect(tooLong.verified?.status).toBe(400);
    await expect(tooLong.verified?.json()).resolves.toMatchObject({
      code: "INVALID_PASSKEY_NAME",
      message: "Use at most 60 characters.",
    });
    // The refusal comes before the password check is used up: the right name still goes in.
    const added = await register(user, "n".repeat(60));
    expect(added.verified?.status).toBe(200);

    const [listed] = (await (await authGet("passkey/list-user-passkeys", user.cookie)).json()) as {
      id: string;
      name: string;
    }[];
    if (!listed) throw new Error("no passkey listed");
    expect(listed.name).toBe("n".repeat(60));
    // Padding counts: Better Auth stores the name as sent, spaces and all.
    for (const name of ["r".repeat(61), `r${" ".repeat(100_000)}`, "   "]) {
      const renamed = await authPost(
        "passkey/update-passkey",
        { id: listed.id, name },
        { cookie: user.cookie },
      );
      expect(renamed.status, JSON.stringify(name.slice(0, 20))).toBe(400);
      await expect(renamed.json()).resolves.toMatchObject({ code: "INVALID_PASSKEY_NAME" });
    }
    const renamed = await authPost(
      "passkey/update-passkey",
      { id: listed.id, name: "Work laptop" },
      { cookie: user.cookie },
    );
    expect(renamed.status).toBe(200);
    await expect(
      (await authGet("passkey/list-user-passkeys", user.cookie)).json(),
    ).resolves.toEqual([expect.objectContaining({ name: "Work laptop" })]);
  });

  it("asks the device for its PIN, fingerprint or face when adding one and when signing in", async () => {
    const user = await signUp();
    await rpc(user.cookie).passkey.allowRegistration({ password: user.password });
    const registerOptions = await authGet("passkey/generate-register-options", user.cookie);
    await expect(registerOptions.json()).resolves.toMatchObject({
      authenticatorSelection: { userVerification: "required" },
    });
    const signInOptions = await authGet("passkey/generate-authenticate-options");
    expect(signInOptions.status).toBe(200);
    expect(cookiesFrom(signInOptions)).toMatch(/passkey=[^;]/);
    await expect(signInOptions.json()).resolves.toMatchObject({ userVerification: "required" });
  });

  it("cannot be added from a device that skipped the PIN or biometric check", async () => {
    const user = await signUp();
    await rpc(user.cookie).passkey.allowRegistration({ password: user.password });
    const { verified } = await register(user, "Key without a PIN", undefined, {
      userVerified: false,
    });
    expect(verified?.status).toBe(400);
    await expect(verified?.json()).resolves.toMatchObject({ code: "USER_VERIFICATION_REQUIRED" });
    await expect(
      (await authGet("passkey/list-user-passkeys", user.cookie)).json(),
    ).resolves.toEqual([]);
  });

  it("does not sign in when the device skipped the PIN or biometric check (it would skip two-factor)", async () => {
    const user = await signUp();
    const passkey = await addPasskey(user, "Phone");
    const { response } = await signInWith(passkey, { userVerified: false });
    expect(response.status).toBe(401);
    await expect(response.json()).resolves.toMatchObject({
      code: "USER_VERIFICATION_REQUIRED",
      message: "Unlock the passkey with its PIN, fingerprint or face to sign in.",
    });
    expect(cookiesFrom(response)).not.toMatch(/session_token=[^;]/);
    // The same passkey, unlocked, signs in.
    expect((await signInWith(passkey)).response.status).toBe(200);
  });
});
