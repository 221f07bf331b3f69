import { pendingStepsOf } from "@checkmark/auth/pending-steps";
import { schema } from "@checkmark/db";
import { errorFields, writeLog } from "@checkmark/logging";
import { eq, inArray, or } from "drizzle-orm";
import { deleteObjects } from "../attachment/delete-objects";
import type { Context } from "../context";
import { reminderMailIdentifier, reminderResyncIdentifier } from "../reminder/budget";
import { emailChangeMailIdentifier } from "./email-change-budget";
import { linkIdentifier } from "./link-token";
import { accountDeletedMessage } from "./mail";

/** How recent a sign-in must be to stand in for the password (accounts without one). */
export const FRESH_SIGN_IN_SECONDS = 5 * 60;

/**
 * Removes everything the user owns in one D1 batch (all or nothing), then queues the mail
 * saying so and removes their stored files. The mail waits for the batch: queued first, a
 * batch that failed left an account its owner had been told was gone (the address is in hand,
 * so nothing is lost by waiting). Once the batch has run the account is gone whatever follows,
 * so a mail or file step that fails is logged, not answered as a failure the person would
 * retry. Audit entries about the user stay (ADR 044, 076).
 */
export async function deleteAccount(
  context: Context,
  user: { id: string; name: string; email: string },
) {
  const { db } = context;
  const objects = await db
    .select({ key: schema.attachment.objectKey })
    .from(schema.attachment)
    .where(eq(schema.attachment.userId, user.id));

  await db.batch([
    // Children before parents, though each also cascades from the user: the list says what goes.
    db.delete(schema.attachment).where(eq(schema.attachment.userId, user.id)),
    db.delete(schema.todo).where(eq(schema.todo.userId, user.id)),
    db.delete(schema.event).where(eq(schema.event.userId, user.id)),
    db.delete(schema.apiKey).where(eq(schema.apiKey.userId, user.id)),
    db.delete(schema.session).where(eq(schema.session.userId, user.id)),
    // An admin's impersonation sessions are rows of the users acted as: they end here too.
    db.delete(schema.session).where(eq(schema.session.impersonatedBy, user.id)),
    db.delete(schema.account).where(eq(schema.account.userId, user.id)),
    // Pending links: ours are named by user id; Better Auth's hold it as the value.
    db
      .delete(schema.verification)
      .where(
        or(
          inArray(schema.verification.identifier, [
            linkIdentifier("change-email", user.id),
            linkIdentifier("restore-email", user.id),
            emailChangeMailIdentifier(user.id),
            reminderMailIdentifier(user.id),
            reminderResyncIdentifier(user.id),
          ]),
          pendingStepsOf(user.id),
        ),
      ),
    db.delete(schema.user).where(eq(schema.user.id, user.id)),
  ]);

  const afterwards = (step: string) => (error: unknown) =>
    writeLog(
      {
        event: "account-deleted-step-failed",
        step,
        requestId: context.requestId,
        ...errorFields(error),
      },
      "error",
    );
  await context.mail.send(accountDeletedMessage(user.name, user.email)).catch(afterwards("mail"));
  // After the rows: a failed delete leaves an object no row points to, which the hourly
  // sweep removes (ADR 061); the other order could leave rows pointing at nothing.
  await deleteObjects(
    context.files,
    objects.map((object) => object.key),
  ).catch(afterwards("files"));
}
