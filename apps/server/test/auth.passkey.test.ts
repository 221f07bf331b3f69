import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { authPost, cookiesFrom, ORIGIN, randomIp, rpc, signUp, type TestUser } from "./fixtures";
import { assertion, createCredential, otherKeys, type Passkey } from "./webauthn-authenticator";

function authGet(path: string, cookie = "") {
  return SELF.fetch(`${ORIGIN}/api/auth/${path}`, {
    headers: { origin: ORIGIN, "cf-connecting-ip": randomIp(), ...(cookie ? { cookie } : {}) },
  });
}

const joinCookies = (...cookies: string[]) => cookies.filter(Boolean).join("; ");

/** Adds a passkey as the settings page does: options from the server, the device answers. */
async function addPasskey(user: TestUser, name: string): Promise<Passkey> {
  const options = await authGet("passkey/generate-register-options", user.cookie);
  expect(options.status).toBe(200);
  const { passkey, response } = await createCredential(await options.json(), ORIGIN);
  const verified = await authPost(
    "passkey/verify-registration",
    { response, name },
    { cookie: joinCookies(user.cookie, cookiesFrom(options)) },
  );
  expect(verified.status).toBe(200);
  return passkey;
}

/** Signs in as the sign-in page's passkey button does; answers the verify response. */
async function signInWith(passkey: Passkey, signingKey?: CryptoKey) {
  const options = await authGet("passkey/generate-authenticate-options");
  expect(options.status).toBe(200);
  const challengeCookie = cookiesFrom(options);
  const response = await assertion(passkey, await options.json(), ORIGIN, signingKey);
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
    const forged = await signInWith(passkey, (await otherKeys()).privateKey);
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
});
