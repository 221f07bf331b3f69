import { env, SELF } from "cloudflare:test";
import type { AppRouterClient } from "@checkmark/api";
import { createORPCClient } from "@orpc/client";
import { RPCLink } from "@orpc/client/fetch";
import { vi } from "vitest";

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

/** A client address of its own per call, as Cloudflare sets it, so rate limits only meet on purpose. */
export function randomIp() {
  const part = () => Math.floor(Math.random() * 254) + 1;
  return `10.${part()}.${part()}.${part()}`;
}

/** A rate-limit binding that refuses everything, for `app.fetch` with replaced bindings. */
export const refusingLimiter: RateLimit = { limit: async () => ({ success: false }) };

/** A rate-limit binding that allows everything and records the keys it was asked about. */
export function recordingLimiter(keys: string[]): RateLimit {
  return {
    limit: async ({ key }) => {
      keys.push(key);
      return { success: true };
    },
  };
}

/** Opens a mailed link as a browser would: a GET through Cloudflare, with the visitor's address. */
export function openLink(url: string) {
  return SELF.fetch(url, { redirect: "manual", headers: { "cf-connecting-ip": randomIp() } });
}

export function authPost(path: string, body: unknown, headers: Record<string, string> = {}) {
  return SELF.fetch(`${ORIGIN}/api/auth/${path}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      origin: ORIGIN,
      "cf-connecting-ip": randomIp(),
      ...headers,
    },
    body: JSON.stringify(body),
  });
}

/** The newest message to `email` whose subject contains `subject`, waiting for background sends. */
export function mailTo(email: string, subject: string) {
  // Mail goes out after the response (waitUntil), so it lands in D1 a little later.
  return vi.waitFor(
    async () => {
      const row = await env.DB.prepare(
        "SELECT subject, body FROM dev_mail WHERE recipient = ? AND subject LIKE ? ORDER BY created_at DESC LIMIT 1",
      )
        .bind(email, `%${subject}%`)
        .first<{ subject: string; body: string }>();
      if (!row) throw new Error(`no mail to ${email} about "${subject}"`);
      return row;
    },
    { timeout: 10_000, interval: 20 },
  );
}

export function countMailTo(email: string) {
  return env.DB.prepare("SELECT COUNT(*) AS n FROM dev_mail WHERE recipient = ?")
    .bind(email)
    .first<number>("n");
}

export function linkIn(body: string): string {
  const link = /https?:\/\/\S+/.exec(body)?.[0];
  if (!link) throw new Error(`no link in: ${body}`);
  return link;
}

/** A new account through Better Auth's own sign-up endpoint, not yet verified. */
export async function signUpUnverified(overrides: Partial<Omit<TestUser, "cookie">> = {}) {
  const user = {
    name: "Test User",
    email: uniqueEmail(),
    password: "a long enough password",
    ...overrides,
  };
  const response = await authPost("sign-up/email", user);
  if (!response.ok) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
  return user;
}

/** The token of the newest confirmation link mailed to `email`. */
export async function confirmationToken(email: string): Promise<string> {
  const { body } = await mailTo(email, "Confirm your email");
  const token = new URL(linkIn(body)).searchParams.get("token");
  if (!token) throw new Error(`no token in: ${body}`);
  return token;
}

/** What the confirm page sends: the mailed token with the password typed there. */
export function confirmEmail(
  token: string,
  password: string,
  headers: Record<string, string> = {},
) {
  return authPost("confirm-email", { token, password }, headers);
}

/** Confirms the address with the mailed link and the sign-up's password; returns the session cookie. */
export async function verifyEmail(email: string, password: string): Promise<string> {
  const response = await confirmEmail(await confirmationToken(email), password);
  if (!response.ok)
    throw new Error(`confirmation failed: ${response.status} ${await response.text()}`);
  return cookiesFrom(response);
}

/** What the "forgot password" form sends. */
export function requestPasswordReset(email: string) {
  return authPost("request-password-reset", { email, redirectTo: "/reset-password" });
}

/** The newest reset link mailed to `email`, followed to the page that receives its token, as a browser would. */
export async function resetToken(email: string): Promise<string> {
  const { body } = await mailTo(email, "Reset your");
  const response = await openLink(linkIn(body));
  const token = new URL(response.headers.get("location") ?? "", "http://x").searchParams.get(
    "token",
  );
  if (!token) throw new Error(`no token in redirect to ${response.headers.get("location")}`);
  return token;
}

/** A verified, signed-in account, made through the app's own sign-up and confirmation link. */
export async function signUp(overrides: Partial<Omit<TestUser, "cookie">> = {}): Promise<TestUser> {
  const user = await signUpUnverified(overrides);
  return { ...user, cookie: await verifyEmail(user.email, user.password) };
}

/** A confirmed user's typed client, with their id (for checking rows in D1). */
export async function signedInClient() {
  const user = await signUp();
  const client = rpc(user.cookie);
  const me = await client.account.me();
  if (!me) throw new Error("not signed in");
  return { client, userId: me.id, user };
}

/** The typed client the web app uses, speaking to the Worker under test from one address. */
export function rpc(cookie?: string, ip = randomIp()): AppRouterClient {
  return createORPCClient(
    new RPCLink({
      url: `${ORIGIN}/rpc`,
      headers: { "cf-connecting-ip": ip, ...(cookie ? { cookie } : {}) },
      fetch: (request) => SELF.fetch(request),
    }),
  );
}

/** A signed-in account with its typed client and user id (one sign-up: about 60 ms of CPU). */
export async function signedInUser(overrides: Partial<Omit<TestUser, "cookie">> = {}) {
  const user = await signUp(overrides);
  const client = rpc(user.cookie);
  const me = await client.account.me();
  if (!me) throw new Error("not signed in");
  return { ...user, client, userId: me.id };
}

/** The field paths of a typed BAD_REQUEST's validation issues. */
export function issuePaths(error: unknown): string[] {
  const data = (
    error as { data?: { issues?: { path?: (string | number | { key: unknown })[] }[] } }
  ).data;
  return (data?.issues ?? []).map((issue) =>
    (issue.path ?? [])
      .map((part) => (typeof part === "object" ? String(part.key) : String(part)))
      .join("."),
  );
}

/** A confirmed user made an admin the way the operator's command does it (role in D1). */
export async function signedInAdmin() {
  const signedIn = await signedInClient();
  await env.DB.prepare("UPDATE user SET role = 'admin' WHERE id = ?").bind(signedIn.userId).run();
  return signedIn;
}

/** The audit rows about one target, oldest first. */
export async function auditRowsFor(targetId: string) {
  const { results } = await env.DB.prepare(
    "SELECT * FROM audit_log WHERE target_id = ? ORDER BY created_at, id",
  )
    .bind(targetId)
    .all<Record<string, unknown>>();
  return results;
}
