import { frontendErrorRouter } from "../frontend-error/router";
import { adminProcedure } from "../procedures";
import { listAudit } from "./audit.service";
import { startImpersonation } from "./impersonation.service";
import { cachedOverview } from "./overview.service";
import {
  adminUserSchema,
  auditPageSchema,
  banSchema,
  createUserSchema,
  impersonationSchema,
  listAuditSchema,
  listUsersSchema,
  overviewSchema,
  sessionIdSchema,
  setRoleSchema,
  userDetailSchema,
  userIdSchema,
  userPageSchema,
} from "./schema";
import {
  banUser,
  createUser,
  listUsers,
  revokeSession,
  setRole,
  unbanUser,
  userDetail,
} from "./users.service";

// Every procedure here is an adminProcedure: 401 without a session, 403 for non-admins
// (apps/server/test/admin.access.test.ts walks this router to prove it).
export const adminRouter = {
  overview: adminProcedure.output(overviewSchema).handler(({ context }) => cachedOverview(context)),
  users: {
    list: adminProcedure
      .input(listUsersSchema)
      .output(userPageSchema)
      .handler(({ context, input }) => listUsers(context, input)),
    get: adminProcedure
      .input(userIdSchema)
      .output(userDetailSchema)
      .handler(({ context, input }) => userDetail(context, input.userId)),
    create: adminProcedure
      .input(createUserSchema)
      .output(adminUserSchema)
      .handler(({ context, input }) => createUser(context, input)),
    setRole: adminProcedure
      .input(setRoleSchema)
      .output(adminUserSchema)
      .handler(({ context, input }) => setRole(context, input)),
    ban: adminProcedure
      .input(banSchema)
      .output(adminUserSchema)
      .handler(({ context, input }) => banUser(context, input)),
    unban: adminProcedure
      .input(userIdSchema)
      .output(adminUserSchema)
      .handler(({ context, input }) => unbanUser(context, input.userId)),
    // Stopping is account.stopImpersonating: by then the caller is the user, not an admin.
    impersonate: adminProcedure
      .input(userIdSchema)
      .output(impersonationSchema)
      .handler(({ context, input }) => startImpersonation(context, input.userId)),
  },
  sessions: {
    revoke: adminProcedure
      .input(sessionIdSchema)
      .handler(({ context, input }) => revokeSession(context, input.sessionId)),
  },
  audit: {
    list: adminProcedure
      .input(listAuditSchema)
      .output(auditPageSchema)
      .handler(({ context, input }) => listAudit(context, input)),
  },
  frontendErrors: frontendErrorRouter,
};
