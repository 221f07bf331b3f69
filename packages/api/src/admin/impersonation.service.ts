import { schema } from "@checkmark/db";
import { ORPCError } from "@orpc/server";
import { eq } from "drizzle-orm";
import type { AdminContext } from "./admin-context";
import { auditInsert } from "./audit";
import { findUser } from "./users.service";

/**
 * The admin becomes the user for at most an hour: a new session marked `impersonated_by`
 * replaces the session cookie, and the admin's own token waits in a signed cookie
 * (packages/auth/src/impersonation.ts). Better Auth makes the session, so its audit row
 * follows it instead of sharing a batch; a failed row takes the session back.
 */
export async function startImpersonation(context: AdminContext, userId: string) {
  const target = await findUser(context, userId);
  if (target.role === "admin") {
    throw new ORPCError("FORBIDDEN", { message: "Admins cannot be impersonated." });
  }
  if (target.banned) {
    throw new ORPCError("BAD_REQUEST", { message: "This user is banned: unban them first." });
  }
  const { headers, response } = await context.auth.api.startImpersonation({
    body: { userId },
    headers: context.headers,
    returnHeaders: true,
  });
  try {
    await auditInsert(context, {
      action: "user.impersonate",
      targetType: "user",
      targetId: userId,
      after: { sessionId: response.sessionId, expiresAt: response.expiresAt },
    });
  } catch (error) {
    await context.db.delete(schema.session).where(eq(schema.session.id, response.sessionId));
    throw error;
  }
  context.setCookies(headers);
  return { userId, expiresAt: response.expiresAt };
}

/**
 * Ends the impersonation session and hands the admin's own session back (or signs out when
 * it has ended meanwhile). Its audit row names the user acted as, with the admin as
 * impersonator, like every row written during the impersonation.
 */
export async function stopImpersonation(context: AdminContext) {
  const impersonatorId = context.session.session.impersonatedBy;
  if (!impersonatorId) {
    throw new ORPCError("BAD_REQUEST", { message: "You are not acting as another user." });
  }
  const { headers, response } = await context.auth.api.stopImpersonation({
    headers: context.headers,
    returnHeaders: true,
  });
  await auditInsert(context, {
    action: "user.impersonate-stop",
    targetType: "user",
    targetId: context.user.id,
    before: { sessionId: context.session.session.id },
    after: { restored: response.restored },
  });
  context.setCookies(headers);
  return { restored: response.restored };
}
