import { type Database, schema } from "@checkmark/db";
import { and, eq, gt, min, sql } from "drizzle-orm";

// Asking for an email change mails an address the account does not own yet (the new address's
// link, or a notice to whoever holds it): without a budget of its own, only the password budget
// (10 a minute) stood between an account and a spam relay (ADR 128). Each mail sent is a row of
// the verification table, where the change's own pending link lives, that expires after the
// window; housekeeping removes expired rows.

/** Mails to addresses the account does not own yet, per account per window. */
export const EMAIL_CHANGE_MAILS_PER_WINDOW = 3;
export const EMAIL_CHANGE_MAIL_WINDOW_SECONDS = 60 * 60;

/** The rows counting an account's mails (never a link: no secret, no address). */
export const emailChangeMailIdentifier = (userId: string) => `email-change-mail:${userId}`;

export type EmailChangeMailBudget = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * Counts one mail against the account's window, in one statement, so concurrent requests cannot
 * both take the last one; when the window is full, says how long until its oldest mail leaves it.
 */
export async function spendEmailChangeMail(
  db: Database,
  userId: string,
): Promise<EmailChangeMailBudget> {
  const { verification } = schema;
  const identifier = emailChangeMailIdentifier(userId);
  const now = Date.now();
  const expiresAt = now + EMAIL_CHANGE_MAIL_WINDOW_SECONDS * 1000;
  const inserted = await db.run(sql`
    insert into ${verification} (id, identifier, value, expires_at, created_at, updated_at)
    select ${crypto.randomUUID()}, ${identifier}, '', ${expiresAt}, ${now}, ${now}
    where (select count(*) from ${verification}
      where identifier = ${identifier} and expires_at > ${now}) < ${EMAIL_CHANGE_MAILS_PER_WINDOW}`);
  if (inserted.meta.changes > 0) return { ok: true };

  const oldest = await db
    .select({ expiresAt: min(verification.expiresAt) })
    .from(verification)
    .where(and(eq(verification.identifier, identifier), gt(verification.expiresAt, new Date(now))))
    .get();
  const freedAt = oldest?.expiresAt?.getTime() ?? expiresAt;
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((freedAt - now) / 1000)) };
}
