import { type Database, schema } from "@checkmark/db";
import { and, eq, gt } from "drizzle-orm";

// Single-use mailed links kept in Better Auth's verification table: one row per purpose and
// user (identifier `<purpose>:<userId>`, so a newer link replaces an older one and deleting
// the account finds them), holding only the SHA-256 of the link's secret.

export type LinkPurpose = "change-email" | "restore-email";

const hex = (bytes: ArrayBuffer) =>
  [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, "0")).join("");

async function sha256(text: string) {
  return hex(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
}

export const linkIdentifier = (purpose: LinkPurpose, userId: string) => `${purpose}:${userId}`;

/** A new link token `<userId>.<secret>` and the row that makes it valid (replacing older ones). */
export async function issueLinkToken<T extends object>(
  db: Database,
  purpose: LinkPurpose,
  userId: string,
  data: T,
  lifetimeSeconds: number,
) {
  const secretBytes = crypto.getRandomValues(new Uint8Array(32));
  const secret = btoa(String.fromCharCode(...secretBytes))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(/=+$/, "");
  const identifier = linkIdentifier(purpose, userId);
  const now = Date.now();
  const row = {
    id: crypto.randomUUID(),
    identifier,
    value: JSON.stringify({ ...data, secretHash: await sha256(secret) }),
    expiresAt: new Date(now + lifetimeSeconds * 1000),
  };
  const statements = [
    db.delete(schema.verification).where(eq(schema.verification.identifier, identifier)),
    db.insert(schema.verification).values(row),
  ] as const;
  return { token: `${userId}.${secret}`, statements };
}

/** The data of a live link for `token`, with its user id and the statement that uses it up. */
export async function readLinkToken<T extends object>(
  db: Database,
  purpose: LinkPurpose,
  token: string,
) {
  const [userId, secret, extra] = token.split(".");
  if (!userId || !secret || extra !== undefined) return null;
  const identifier = linkIdentifier(purpose, userId);
  const row = await db
    .select()
    .from(schema.verification)
    .where(
      and(
        eq(schema.verification.identifier, identifier),
        gt(schema.verification.expiresAt, new Date()),
      ),
    )
    .get();
  if (!row) return null;
  const { secretHash, ...data } = JSON.parse(row.value) as T & { secretHash: string };
  if (secretHash !== (await sha256(secret))) return null;
  const useUp = db.delete(schema.verification).where(eq(schema.verification.id, row.id));
  return { userId, data: data as unknown as T, useUp };
}
