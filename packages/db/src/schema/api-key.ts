import { index, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, timestamp } from "./columns";
import { ownerId, timeOrderedId } from "./owned";

/**
 * API keys for programs acting as their owner. Only the SHA-256 of the key is stored (the key
 * is 256 random bits, so no salt or slow hash is needed); `start` is its first characters, to
 * tell keys apart in the list. Revoking deletes the row.
 */
export const apiKey = sqliteTable(
  "api_key",
  {
    id: timeOrderedId(),
    userId: ownerId(),
    name: text("name").notNull(),
    start: text("start").notNull(),
    keyHash: text("key_hash").notNull().unique(),
    scope: text("scope", { enum: ["read", "read-write"] }).notNull(),
    expiresAt: timestamp("expires_at"),
    createdAt: createdAt(),
  },
  (t) => [index("api_key_user_idx").on(t.userId)],
);
