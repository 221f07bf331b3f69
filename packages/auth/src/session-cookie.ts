import { oncePer } from "@checkmark/db";
import type { Auth } from "./auth";

/** What reading the session cookie needs from one Better Auth instance, prepared once. */
export interface SessionCookieReader {
  /** The cookie's name (`__Secure-` prefixed where Better Auth uses secure cookies). */
  name: string;
  /** The HMAC key Better Auth signs the cookie with, imported once per isolate. */
  key: CryptoKey;
  /** Session lifetime and how often Better Auth slides it forward, in milliseconds. */
  expiresInMs: number;
  updateAgeMs: number;
  /** Cookie values whose signature already checked out in this isolate, to their tokens. */
  verified: Map<string, string>;
}

// Enough for every user an isolate serves at once; past it the oldest entry goes first.
const VERIFIED_CACHE_SIZE = 1000;

/** The reader for an auth instance; built on first use, then shared by every request. */
export const sessionCookieReader: (auth: Auth) => Promise<SessionCookieReader> =
  oncePer(buildReader);

async function buildReader(auth: Auth): Promise<SessionCookieReader> {
  const context = await auth.$context;
  const key = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(context.secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["verify"],
  );
  return {
    name: context.authCookies.sessionToken.name,
    key,
    expiresInMs: context.sessionConfig.expiresIn * 1000,
    updateAgeMs: context.sessionConfig.updateAge * 1000,
    verified: new Map(),
  };
}

/** The raw value of cookie `name` in a Cookie header (first one wins, as Better Auth reads it). */
function cookieValue(header: string, name: string): string | null {
  for (const pair of header.split(";")) {
    const equals = pair.indexOf("=");
    if (equals > 0 && pair.slice(0, equals).trim() === name) {
      const value = pair.slice(equals + 1).trim();
      return value.startsWith('"') ? value.slice(1, -1) : value;
    }
  }
  return null;
}

/**
 * The session token from the signed cookie, checked the way Better Auth signs it
 * (`<token>.<base64 HMAC-SHA256>`, URI-encoded); null when missing or not signed by our secret.
 * A signature, once verified, is remembered for the isolate (a signed value stays signed under
 * the same secret): every request of a signed-in user would otherwise pay an HMAC for it. This
 * checks only the signature; whether the session is still live is the caller's D1 read.
 */
export async function verifiedSessionToken(
  reader: SessionCookieReader,
  cookieHeader: string | null,
): Promise<string | null> {
  const raw = cookieHeader && cookieValue(cookieHeader, reader.name);
  if (!raw) return null;
  const known = reader.verified.get(raw);
  if (known) return known;
  let value: string;
  try {
    value = decodeURIComponent(raw);
  } catch {
    return null;
  }
  const dot = value.lastIndexOf(".");
  const signature = value.slice(dot + 1);
  if (dot < 1 || signature.length !== 44 || !signature.endsWith("=")) return null;
  const token = value.slice(0, dot);
  try {
    const bytes = Uint8Array.from(atob(signature), (char) => char.charCodeAt(0));
    const valid = await crypto.subtle.verify(
      "HMAC",
      reader.key,
      bytes,
      new TextEncoder().encode(token),
    );
    if (!valid) return null;
    if (reader.verified.size >= VERIFIED_CACHE_SIZE) {
      const oldest = reader.verified.keys().next().value;
      if (oldest !== undefined) reader.verified.delete(oldest);
    }
    reader.verified.set(raw, token);
    return token;
  } catch {
    return null;
  }
}
