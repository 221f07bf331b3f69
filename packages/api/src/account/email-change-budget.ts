import { type BudgetSpend, spendFromWindow } from "@checkmark/auth/window-budget";
import type { Database } from "@checkmark/db";

// Asking for an email change mails an address the account does not own yet (the new address's
// link, or a notice to whoever holds it): without a budget of its own, only the password budget
// (10 a minute) stood between an account and a spam relay (ADR 128). Each mail sent is a row of
// the verification table, where the change's own pending link lives (@checkmark/auth/window-budget).

/** Mails to addresses the account does not own yet, per account per window. */
export const EMAIL_CHANGE_MAILS_PER_WINDOW = 3;
export const EMAIL_CHANGE_MAIL_WINDOW_SECONDS = 60 * 60;

/** The rows counting an account's mails (never a link: no secret, no address). */
export const emailChangeMailIdentifier = (userId: string) => `email-change-mail:${userId}`;

/** Counts one mail against the account's window; when it is full, says how long to wait. */
export function spendEmailChangeMail(db: Database, userId: string): Promise<BudgetSpend> {
  return spendFromWindow(db, {
    identifier: emailChangeMailIdentifier(userId),
    limit: EMAIL_CHANGE_MAILS_PER_WINDOW,
    windowMs: EMAIL_CHANGE_MAIL_WINDOW_SECONDS * 1000,
  });
}
