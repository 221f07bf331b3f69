import { type Database, schema } from "@checkmark/db";
import { and, desc, eq, gt, isNull, or } from "drizzle-orm";
import { insertWithinCap } from "../shared/row-cap";
import { rowLimits } from "../shared/row-limits";
import type { ApiKeyScope, ApiKeySummary, CreateApiKeyInput } from "./schema";

const { apiKey } = schema;
const PREFIX = "ck_";
const DAY_MS = 24 * 60 * 60 * 1000;

/** Hex SHA-256: what is stored and looked up. The key is 256 random bits, so a fast hash is enough. */
async function hashKey(key: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(key));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const base64url = btoa(String.fromCharCode(...bytes))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(/=+$/, "");
  return PREFIX + base64url;
}

/** A key as its owner sees it: never the hash (also what the account export writes). */
export const apiKeySummaryColumns = {
  id: apiKey.id,
  name: apiKey.name,
  start: apiKey.start,
  scope: apiKey.scope,
  expiresAt: apiKey.expiresAt,
  createdAt: apiKey.createdAt,
};

/**
 * Makes a key, or answers null when its owner already holds `rowLimits.apiKeys` live (unexpired)
 * keys: each key is a rate-limit budget of its own (docs/decisions/114).
 */
export async function createApiKey(
  db: Database,
  userId: string,
  input: Omit<CreateApiKeyInput, "password">,
) {
  const key = newKey();
  const now = Date.now();
  const expiresAt = input.expiresInDays ? new Date(now + input.expiresInDays * DAY_MS) : null;
  const keyHash = await hashKey(key);
  const live = {
    table: apiKey,
    limit: rowLimits.apiKeys,
    counts: or(isNull(apiKey.expiresAt), gt(apiKey.expiresAt, new Date(now))),
  };
  const row = await insertWithinCap({ db, userId }, live, (id) =>
    db
      .insert(apiKey)
      .values({
        id,
        userId,
        name: input.name,
        start: key.slice(0, PREFIX.length + 6),
        keyHash,
        scope: input.scope,
        expiresAt,
      })
      .returning(apiKeySummaryColumns),
  );
  return row && { ...row, key };
}

export function listApiKeys(db: Database, userId: string): Promise<ApiKeySummary[]> {
  return db
    .select(apiKeySummaryColumns)
    .from(apiKey)
    .where(eq(apiKey.userId, userId))
    .orderBy(desc(apiKey.createdAt), desc(apiKey.id));
}

export async function revokeApiKey(db: Database, userId: string, id: string) {
  const [row] = await db
    .delete(apiKey)
    .where(and(eq(apiKey.id, id), eq(apiKey.userId, userId)))
    .returning({ id: apiKey.id });
  return row ?? null;
}

/** The owner and scope of a presented key, or null when it is unknown, revoked or expired. */
export async function findApiKey(
  db: Database,
  key: string,
): Promise<{ id: string; userId: string; scope: ApiKeyScope } | null> {
  if (!key.startsWith(PREFIX) || key.length > 100) return null;
  const [row] = await db
    .select({
      id: apiKey.id,
      userId: apiKey.userId,
      scope: apiKey.scope,
      expiresAt: apiKey.expiresAt,
    })
    .from(apiKey)
    .where(eq(apiKey.keyHash, await hashKey(key)))
    .limit(1);
  if (!row || (row.expiresAt && row.expiresAt.getTime() <= Date.now())) return null;
  return { id: row.id, userId: row.userId, scope: row.scope };
}
