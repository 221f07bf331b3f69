import { EMAIL_VERIFICATION_LINK_LIFETIME_SECONDS } from "@checkmark/auth";
import { pendingStepsOf } from "@checkmark/auth/pending-steps";
import { schema } from "@checkmark/db";
import { eq, or } from "drizzle-orm";
import type { Context } from "../context";
import { issueLinkToken, linkIdentifier, readLinkToken } from "./link-token";
import { confirmEmailChangeMessage, emailChangedMessage, emailInUseMessage } from "./mail";

// Changing the address: a link to the new address confirms it (until then the old one signs
// in), and the old address then hears of it with a link that puts it back (ADR 076).

/** How long the old address may undo a change it did not make. */
export const RESTORE_EMAIL_LINK_LIFETIME_SECONDS = 60 * 60 * 24 * 7;

interface PendingChange {
  newEmail: string;
}
interface DoneChange {
  oldEmail: string;
  newEmail: string;
}

const pageUrl = (context: Context, path: string, token: string) => {
  const url = new URL(path, context.appOrigin);
  url.searchParams.set("token", token);
  return url.toString();
};

function findUserByEmail(context: Context, email: string) {
  return context.db
    .select({ id: schema.user.id })
    .from(schema.user)
    .where(eq(schema.user.email, email))
    .get();
}

/**
 * Mails a confirmation link to `newEmail`, or, when another account holds it, a notice to that
 * address instead. The caller answers the same either way, so nobody learns who has an account.
 */
export async function requestEmailChange(context: Context, user: { id: string }, newEmail: string) {
  if (await findUserByEmail(context, newEmail)) {
    await context.mail.send(
      emailInUseMessage(newEmail, new URL("/sign-in", context.appOrigin).href),
    );
    return;
  }
  const { token, statements } = await issueLinkToken<PendingChange>(
    context.db,
    "change-email",
    user.id,
    { newEmail },
    EMAIL_VERIFICATION_LINK_LIFETIME_SECONDS,
  );
  await context.db.batch(statements);
  await context.mail.send(
    confirmEmailChangeMessage(newEmail, pageUrl(context, "/confirm-email-change", token)),
  );
}

export type EmailLinkResult = { ok: true; email: string } | { ok: false; reason: string };

const expired: EmailLinkResult = {
  ok: false,
  reason: "This link has expired, was used already, or was replaced by a newer one.",
};
const taken: EmailLinkResult = {
  ok: false,
  reason: "That address now belongs to another account, so it cannot be used for yours.",
};

/** The mailed link switches the account to the new address and tells the old one. */
export async function confirmEmailChange(
  context: Context,
  token: string,
): Promise<EmailLinkResult> {
  const link = await readLinkToken<PendingChange>(context.db, "change-email", token);
  if (!link) return expired;
  const owner = await context.db
    .select({ name: schema.user.name, email: schema.user.email })
    .from(schema.user)
    .where(eq(schema.user.id, link.userId))
    .get();
  if (!owner) return expired;
  const { newEmail } = link.data;
  // Someone may have signed up with it since the link was sent.
  if (await findUserByEmail(context, newEmail)) return taken;

  const restore = await issueLinkToken<DoneChange>(
    context.db,
    "restore-email",
    link.userId,
    { oldEmail: owner.email, newEmail },
    RESTORE_EMAIL_LINK_LIFETIME_SECONDS,
  );
  await context.db.batch([
    link.useUp,
    context.db
      .update(schema.user)
      .set({ email: newEmail, emailVerified: true })
      .where(eq(schema.user.id, link.userId)),
    ...restore.statements,
  ]);
  await context.mail.send(
    emailChangedMessage(
      owner.name,
      owner.email,
      newEmail,
      pageUrl(context, "/restore-email", restore.token),
    ),
  );
  return { ok: true, email: newEmail };
}

/**
 * "This wasn't me": the old address's link puts it back, signs out every device, and removes
 * every way back in that the intruder may have added while they held the account: API keys,
 * passkeys, the second factor (theirs would lock the owner out after the password reset) and
 * pending links, reset links above all. One batch: a failure leaves the account as it was.
 * The link reached the old mailbox, so it is the owner's; they add their own again after.
 */
export async function restoreEmail(context: Context, token: string): Promise<EmailLinkResult> {
  const link = await readLinkToken<DoneChange>(context.db, "restore-email", token);
  if (!link) return expired;
  const holder = await findUserByEmail(context, link.data.oldEmail);
  if (holder && holder.id !== link.userId) return taken;
  await context.db.batch([
    link.useUp,
    context.db
      .update(schema.user)
      .set({ email: link.data.oldEmail, emailVerified: true, twoFactorEnabled: false })
      .where(eq(schema.user.id, link.userId)),
    context.db.delete(schema.session).where(eq(schema.session.userId, link.userId)),
    context.db.delete(schema.apiKey).where(eq(schema.apiKey.userId, link.userId)),
    context.db.delete(schema.passkey).where(eq(schema.passkey.userId, link.userId)),
    context.db.delete(schema.twoFactor).where(eq(schema.twoFactor.userId, link.userId)),
    // Pending links go too: a change waiting for confirmation (perhaps the intruder's next one),
    // and Better Auth's reset links, trusted devices and half-done two-factor sign-ins (a reset
    // link the intruder asked for at their address would otherwise set the password again).
    context.db
      .delete(schema.verification)
      .where(
        or(
          eq(schema.verification.identifier, linkIdentifier("change-email", link.userId)),
          pendingStepsOf(link.userId),
        ),
      ),
  ]);
  return { ok: true, email: link.data.oldEmail };
}
