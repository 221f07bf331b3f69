import { EMAIL_VERIFICATION_LINK_LIFETIME_SECONDS } from "@checkmark/auth";
import { pendingStepsOf } from "@checkmark/auth/pending-steps";
import { schema } from "@checkmark/db";
import { eq, or } from "drizzle-orm";
import type { Context } from "../context";
import { issueLinkToken, linkIdentifier, readLinkToken } from "./link-token";
import { confirmEmailChangeMessage, emailChangedMessage, emailInUseMessage } from "./mail";
import { proveSecondFactor, secondFactorId } from "./restore-second-factor";

// Changing the address: a link to the new address confirms it (until then the old one signs
// in), and the old address then hears of it with a link that puts it back (ADR 076).

/** How long the old address may undo a change it did not make. */
export const RESTORE_EMAIL_LINK_LIFETIME_SECONDS = 60 * 60 * 24 * 7;

/** The second factor on when the change was asked for: decides what the restore asks for (ADR 135). */
interface FactorAtRequest {
  /** Its `two_factor` row's id, or null when two-factor was off. */
  twoFactorId?: string | null;
  /** Links mailed before the id was recorded: whether two-factor was on (older still: absent). */
  twoFactor?: boolean;
}
interface PendingChange extends FactorAtRequest {
  newEmail: string;
}
/** Carries the PendingChange's FactorAtRequest over, whichever shape it has. */
interface DoneChange extends FactorAtRequest {
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
    { newEmail, twoFactorId: await secondFactorId(context, user.id) },
    EMAIL_VERIFICATION_LINK_LIFETIME_SECONDS,
  );
  await context.db.batch(statements);
  await context.mail.send(
    confirmEmailChangeMessage(newEmail, pageUrl(context, "/confirm-email-change", token)),
  );
}

type LinkRefusal = { ok: false; reason: string };
export type EmailLinkResult = { ok: true; email: string } | LinkRefusal;

const expired: LinkRefusal = {
  ok: false,
  reason: "This link has expired, was used already, or was replaced by a newer one.",
};
const taken: LinkRefusal = {
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
    {
      oldEmail: owner.email,
      newEmail,
      twoFactorId: link.data.twoFactorId,
      twoFactor: link.data.twoFactor,
    },
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

export type RestoreEmailResult =
  | { ok: true; email: string; keptSecondFactor: boolean }
  | LinkRefusal
  /** The account's second factor must be proven: no code was sent. */
  | { ok: false; codeNeeded: true }
  | { ok: false; wrongCode: string }
  | { ok: false; tooMany: string; retryAfterSeconds: number };

/**
 * The second factor the restore must be proven with and then keeps: the one on at the request,
 * if it is still on (turned off and on again, it is a new row); else null, and it goes.
 */
async function factorToKeep(context: Context, userId: string, atRequest: FactorAtRequest) {
  const now = await secondFactorId(context, userId);
  if (atRequest.twoFactorId !== undefined) return now === atRequest.twoFactorId ? now : null;
  // A link mailed before the id was recorded: "on", or not known, means whichever is on now, as
  // those links were promised (the safer guess).
  return (atRequest.twoFactor ?? true) ? now : null;
}

/**
 * "This wasn't me": the old address's link puts it back, signs out every device, and removes
 * every way back in that the intruder may have added while they held the account: API keys,
 * passkeys and pending links, reset links above all. One batch: a failure leaves the account
 * as it was; the owner adds their own again after.
 *
 * The second factor depends on which one was on when the change was asked for (ADR 135).
 * That one, still on: the link alone could be in the hands of whoever reads a mailbox the owner
 * moved away from, so the restore needs a code of it (`code`), and keeps it, the owner's own.
 * None, or one since turned off: any factor now was added since, by whoever held the account
 * (it would lock the owner out after the password reset), so it goes, and the link is enough.
 */
export async function restoreEmail(
  context: Context,
  token: string,
  code: string | undefined,
): Promise<RestoreEmailResult> {
  const link = await readLinkToken<DoneChange>(context.db, "restore-email", token);
  if (!link) return expired;
  const { userId } = link;
  const holder = await findUserByEmail(context, link.data.oldEmail);
  if (holder && holder.id !== userId) return taken;
  const keepSecondFactor = (await factorToKeep(context, userId, link.data)) !== null;
  if (keepSecondFactor) {
    if (!code) return { ok: false, codeNeeded: true };
    const proof = await proveSecondFactor(context, userId, code);
    if (!proof.ok) return proof;
  }
  await context.db.batch([
    link.useUp,
    context.db
      .update(schema.user)
      .set({
        email: link.data.oldEmail,
        emailVerified: true,
        ...(keepSecondFactor ? {} : { twoFactorEnabled: false }),
      })
      .where(eq(schema.user.id, userId)),
    context.db.delete(schema.session).where(eq(schema.session.userId, userId)),
    context.db.delete(schema.apiKey).where(eq(schema.apiKey.userId, userId)),
    context.db.delete(schema.passkey).where(eq(schema.passkey.userId, userId)),
    ...(keepSecondFactor
      ? []
      : [context.db.delete(schema.twoFactor).where(eq(schema.twoFactor.userId, userId))]),
    // Pending links go too: a change waiting for confirmation (perhaps the intruder's next one),
    // and Better Auth's reset links, trusted devices and half-done two-factor sign-ins (a reset
    // link the intruder asked for at their address would otherwise set the password again).
    context.db
      .delete(schema.verification)
      .where(
        or(
          eq(schema.verification.identifier, linkIdentifier("change-email", userId)),
          pendingStepsOf(userId),
        ),
      ),
  ]);
  return { ok: true, email: link.data.oldEmail, keptSecondFactor: keepSecondFactor };
}
