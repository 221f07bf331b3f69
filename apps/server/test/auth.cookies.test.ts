import { createExecutionContext, env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import app from "../src/index";
import { authPost, randomIp, signUp } from "./fixtures";

interface SetCookie {
  name: string;
  /** Attribute names in lower case, with their values ("" for flags such as HttpOnly). */
  attributes: Map<string, string>;
}

function setCookies(response: Response): SetCookie[] {
  return response.headers.getSetCookie().map((header) => {
    const [pair = "", ...attributes] = header.split(";").map((part) => part.trim());
    return {
      name: pair.slice(0, pair.indexOf("=")),
      attributes: new Map(
        attributes.map((attribute) => {
          const [key = "", ...value] = attribute.split("=");
          return [key.toLowerCase(), value.join("=")];
        }),
      ),
    };
  });
}

/**
 * The session cookie, which a script must never read. It is the only one: there is no cached
 * session-data cookie that could outlive a revoked session (ADR 008).
 */
function sessionCookies(response: Response) {
  const cookies = setCookies(response).filter((cookie) => /\.session_/.test(cookie.name));
  expect(cookies.map((cookie) => cookie.name.replace(/^__Secure-/, ""))).toEqual([
    "better-auth.session_token",
  ]);
  return cookies;
}

const HTTPS_ORIGIN = "https://checkmark.example.com";

/** A request to production's setup: the public origin is https and named by BETTER_AUTH_URL. */
function overHttps(path: string, init: RequestInit) {
  return app.fetch(
    new Request(`${HTTPS_ORIGIN}/api/auth/${path}`, init),
    { ...env, BETTER_AUTH_URL: HTTPS_ORIGIN },
    createExecutionContext(),
  );
}

describe("session cookies", () => {
  it("after sign-in over http are HttpOnly, SameSite=Lax, for the whole site, and not Secure", async () => {
    const user = await signUp();
    const response = await authPost("sign-in/email", {
      email: user.email,
      password: user.password,
    });
    expect(response.status).toBe(200);
    for (const { name, attributes } of sessionCookies(response)) {
      expect(attributes.has("httponly"), `${name} HttpOnly`).toBe(true);
      expect(attributes.get("samesite")?.toLowerCase(), `${name} SameSite`).toBe("lax");
      expect(attributes.get("path"), `${name} Path`).toBe("/");
      // A browser drops a Secure cookie sent over plain http: local runs would never sign in.
      expect(attributes.has("secure"), `${name} Secure`).toBe(false);
      expect(name).not.toMatch(/^__Secure-/);
    }
  });

  it("after sign-in over https are Secure with the __Secure- prefix, and they work", async () => {
    const user = await signUp();
    const response = await overHttps("sign-in/email", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        origin: HTTPS_ORIGIN,
        "cf-connecting-ip": randomIp(),
      },
      body: JSON.stringify({ email: user.email, password: user.password }),
    });
    expect(response.status).toBe(200);
    const cookies = sessionCookies(response);
    for (const { name, attributes } of cookies) {
      expect(name).toMatch(/^__Secure-better-auth\./);
      expect(attributes.has("secure"), `${name} Secure`).toBe(true);
      expect(attributes.has("httponly"), `${name} HttpOnly`).toBe(true);
      expect(attributes.get("samesite")?.toLowerCase(), `${name} SameSite`).toBe("lax");
      expect(attributes.get("path"), `${name} Path`).toBe("/");
    }

    // The browser sends them back over https and the session is recognised.
    const cookie = response.headers
      .getSetCookie()
      .map((header) => header.split(";")[0])
      .join("; ");
    const session = await overHttps("get-session", {
      headers: { cookie, "cf-connecting-ip": randomIp() },
    });
    expect(await session.json()).toMatchObject({ user: { email: user.email } });
  });
});
