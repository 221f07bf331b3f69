import { SELF } from "cloudflare:test";
import type { AppRouterClient } from "@checkmark/api";
import { createORPCClient } from "@orpc/client";
import { RPCLink } from "@orpc/client/fetch";

// The web app's origin, as the browser would send it through the web Worker.
export const ORIGIN = "http://localhost:3001";

export interface TestUser {
  email: string;
  password: string;
  name: string;
  /** `name=value` pairs of every cookie the server set, ready for a Cookie header. */
  cookie: string;
}

export function cookiesFrom(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}

export function uniqueEmail(label = "user") {
  return `${label}-${crypto.randomUUID()}@example.com`;
}

export function authPost(path: string, body: unknown, headers: Record<string, string> = {}) {
  return SELF.fetch(`${ORIGIN}/api/auth/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: ORIGIN, ...headers },
    body: JSON.stringify(body),
  });
}

/** A new account through Better Auth's own sign-up endpoint, signed in. */
export async function signUp(overrides: Partial<Omit<TestUser, "cookie">> = {}): Promise<TestUser> {
  const user = {
    name: "Test User",
    email: uniqueEmail(),
    password: "a long enough password",
    ...overrides,
  };
  const response = await authPost("sign-up/email", user);
  if (!response.ok) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
  return { ...user, cookie: cookiesFrom(response) };
}

/** The typed client the web app uses, speaking to the Worker under test. */
export function rpc(cookie?: string): AppRouterClient {
  return createORPCClient(
    new RPCLink({
      url: `${ORIGIN}/rpc`,
      headers: cookie ? { cookie } : {},
      fetch: (request) => SELF.fetch(request),
    }),
  );
}
