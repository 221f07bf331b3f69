import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, timestamp } from "./columns";
import { ownerId } from "./owned";

// Tables of Better Auth's twoFactor and passkey plugins (generated with its schema CLI, then
// written in this project's column style), named as its Drizzle adapter looks them up.

/** One authenticator app per user: the secret and backup codes are encrypted with the auth secret. */
export const twoFactor = sqliteTable(
  "two_factor",
  {
    id: text("id").primaryKey(),
    secret: text("secret").notNull(),
    backupCodes: text("backup_codes").notNull(),
    userId: ownerId(),
    /** False until the first code from the app is checked. */
    verified: integer("verified", { mode: "boolean" }).notNull().default(true),
    /** Wrong codes in a row, from any IP; at 10 the account's second factor locks for 15 minutes. */
    failedVerificationCount: integer("failed_verification_count").notNull().default(0),
    lockedUntil: timestamp("locked_until"),
    /** Not Better Auth's: the 30-second time step of the last code accepted, so none is used twice. */
    lastUsedStep: integer("last_used_step"),
  },
  (t) => [index("two_factor_user_id_idx").on(t.userId)],
);

/** WebAuthn credentials (passkeys) that can sign their user in without a password. */
export const passkey = sqliteTable(
  "passkey",
  {
    id: text("id").primaryKey(),
    name: text("name"),
    publicKey: text("public_key").notNull(),
    userId: ownerId(),
    credentialID: text("credential_id").notNull().unique(),
    counter: integer("counter").notNull(),
    deviceType: text("device_type").notNull(),
    backedUp: integer("backed_up", { mode: "boolean" }).notNull(),
    transports: text("transports"),
    aaguid: text("aaguid"),
    createdAt: createdAt(),
  },
  (t) => [index("passkey_user_id_idx").on(t.userId)],
);
