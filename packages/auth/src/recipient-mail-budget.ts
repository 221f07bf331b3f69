import type { Database } from "@checkmark/db";
import { writeLog } from "@checkmark/logging";
import { RESET_PASSWORD_LINK_LIFETIME_SECONDS } from "./link-lifetimes";
import type { Mailer, MailMessage } from "./mail/mailer";
import { spendFromWindow, type WindowBudget, windowHasRoom } from "./window-budget";

// Mail that anyone can make the app send to an address without signing in: Better Auth's limits
// count per client address only, so many senders (or one, at 10 sign-ups a minute) could fill a
// stranger's inbox and spend the app's sending reputation (ADR 139). Each kind gets a budget per
// recipient per hour, counted in D1 like the email-change mails (window-budget.ts).

/** Mails of each kind one address gets in any hour; past it, requests answer the same and mail nothing. */
export const RECIPIENT_MAILS_PER_HOUR = {
  /** "Someone tried to sign up with your email": one says all there is to say. */
  "sign-up-notice": 3,
  /**
   * Reset links live an hour (link-lifetimes.ts), as long as the window: when a request is
   * refused, the links mailed in the last hour still work, so nobody is locked out by it.
   */
  "reset-link": 5,
  /** Confirmation links live a day; keyed by address, so a sign-up replacing the last counts too. */
  "confirm-link": 5,
} as const;

export type RecipientMailKind = keyof typeof RECIPIENT_MAILS_PER_HOUR;

// The window is a reset link's lifetime: a refused request always leaves the links mailed
// within it working (above).
const WINDOW_MS = RESET_PASSWORD_LINK_LIFETIME_SECONDS * 1000;

/** The address as the budget's rows name it: a SHA-256, never the address itself. */
async function addressKey(email: string): Promise<string> {
  const bytes = new TextEncoder().encode(email.trim().toLowerCase());
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return [...digest].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

async function recipientBudget(kind: RecipientMailKind, email: string): Promise<WindowBudget> {
  return {
    identifier: `recipient-mail:${kind}:${await addressKey(email)}`,
    limit: RECIPIENT_MAILS_PER_HOUR[kind],
    windowMs: WINDOW_MS,
  };
}

/** Whether `email` could still be mailed one of `kind` now (spends nothing). */
export async function recipientBudgetHasRoom(db: Database, kind: RecipientMailKind, email: string) {
  return windowHasRoom(db, await recipientBudget(kind, email));
}

/** Queues `message` if its recipient's budget for `kind` has room; else drops it, logging no address. */
export async function sendWithinRecipientBudget(
  db: Database,
  mailer: Mailer,
  kind: RecipientMailKind,
  message: MailMessage,
): Promise<void> {
  const spend = await spendFromWindow(db, await recipientBudget(kind, message.to));
  if (!spend.ok) {
    writeLog({ event: "mail-not-sent", kind, reason: "recipient budget spent" });
    return;
  }
  await mailer.send(message);
}
