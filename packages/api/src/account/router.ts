import { schema } from "@checkmark/db";
import { eq } from "drizzle-orm";
import { stopImpersonation } from "../admin/impersonation.service";
import { stopImpersonationSchema } from "../admin/schema";
import type { Context } from "../context";
import { protectedProcedure, publicProcedure } from "../procedures";
import { deleteProcedures } from "./delete-router";
import { profileProcedures } from "./profile-router";
import { sessionUserSchema } from "./session-user";

/** The admin acting as this session's user, for the banner; null in a session of one's own. */
async function impersonator(context: Context) {
  const adminId = context.session?.session.impersonatedBy;
  if (!adminId) return null;
  const [admin] = await context.db
    .select({ name: schema.user.name, email: schema.user.email })
    .from(schema.user)
    .where(eq(schema.user.id, adminId));
  return admin ?? null;
}

export const accountRouter = {
  /** Who is signed in, or null: lets pages decide on redirects without a second auth call. */
  me: publicProcedure
    .meta({ access: "read" })
    .output(sessionUserSchema.nullable())
    .handler(async ({ context }) => {
      const user = context.session?.user;
      if (!user) return null;
      const { id, name, email, role } = user;
      return { id, name, email, role, impersonator: await impersonator(context) };
    }),
  /** Ends an admin's impersonation (admin.users.impersonate) and hands their session back. */
  stopImpersonating: protectedProcedure
    .output(stopImpersonationSchema)
    .handler(({ context }) => stopImpersonation(context)),
  ...profileProcedures,
  ...deleteProcedures,
};
