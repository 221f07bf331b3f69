import { findApiKey } from "@checkmark/api";
import type { SessionResult } from "@checkmark/auth";
import { isBanned } from "@checkmark/auth/ban";
import { schema } from "@checkmark/db";
import { eq } from "drizzle-orm";
import type { Context } from "hono";
import type { AppEnv } from "../app-env";

/** The key a program sent: `x-api-key: <key>` or `Authorization: Bearer <key>`. */
export function presentedApiKey(c: Context<AppEnv>): string | null {
  const header = c.req.header("x-api-key")?.trim();
  if (header) return header;
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header("authorization") ?? "");
  return bearer?.[1] ?? null;
}

/**
 * Acts as the key's owner: the same user row a session would give, with a session-shaped
 * record naming the key. An unknown, revoked or expired key is no session at all, so protected
 * procedures answer UNAUTHORIZED (401) on the very next request; so is the key of a banned
 * user, for as long as the ban lasts (a ban deletes sessions, and keys must stop as surely).
 */
export async function useApiKey(c: Context<AppEnv>, key: string): Promise<void> {
  const found = await findApiKey(c.get("db"), key);
  const user = found
    ? await c.get("db").query.user.findFirst({ where: eq(schema.user.id, found.userId) })
    : undefined;
  if (!found || !user || isBanned(user)) {
    c.set("session", null);
    c.set("apiKeyRejected", true);
    return;
  }
  const now = new Date();
  c.set("session", {
    user,
    session: {
      id: `api-key:${found.id}`,
      userId: user.id,
      token: "",
      expiresAt: now,
      createdAt: now,
      updatedAt: now,
      ipAddress: null,
      userAgent: null,
    },
  } as SessionResult);
  c.set("apiKeyId", found.id);
  c.set("readOnly", found.scope === "read");
}
