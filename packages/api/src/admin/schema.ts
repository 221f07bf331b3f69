import { z } from "zod";
import { BAN_END_IN_THE_PAST, banReasonSchema, roleSchema } from "./user-forms";
import {
  USER_LIST_DEFAULTS,
  USER_SEARCH_MAX,
  USER_SORT_DIRECTIONS,
  USER_SORTS,
} from "./user-list-options";

export { createUserSchema, ROLES, roleSchema } from "./user-forms";

export const userIdSchema = z.object({ userId: z.string().min(1).max(64) });

export const listUsersSchema = z
  .object({
    /** Part of an email or a name, case-insensitive. */
    search: z.string().trim().max(USER_SEARCH_MAX).optional(),
    sort: z.enum(USER_SORTS).default(USER_LIST_DEFAULTS.sort),
    direction: z.enum(USER_SORT_DIRECTIONS).default(USER_LIST_DEFAULTS.direction),
    limit: z.number().int().min(1).max(100).default(25),
    /** Opaque cursor from the previous page's `nextCursor`. */
    cursor: z.string().max(400).optional(),
  })
  .default({ ...USER_LIST_DEFAULTS, limit: 25 });

export const adminUserSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.string(),
  emailVerified: z.boolean(),
  banned: z.boolean(),
  banReason: z.string().nullable(),
  banExpires: z.date().nullable(),
  createdAt: z.date(),
  /** The newest activity of any of the user's live sessions (created or refreshed); null: none. */
  lastSeenAt: z.date().nullable(),
});

export const userPageSchema = z.object({
  items: z.array(adminUserSchema),
  nextCursor: z.string().nullable(),
});

export const adminSessionSchema = z.object({
  id: z.string(),
  createdAt: z.date(),
  updatedAt: z.date(),
  expiresAt: z.date(),
  ipAddress: z.string().nullable(),
  userAgent: z.string().nullable(),
  impersonatedBy: z.string().nullable(),
});

export const userDetailSchema = z.object({
  user: adminUserSchema,
  sessions: z.array(adminSessionSchema),
});

export const setRoleSchema = userIdSchema.extend({ role: roleSchema });

export const banSchema = userIdSchema.extend({
  reason: banReasonSchema,
  /** When the ban ends by itself; must be in the future. Omitted: until unbanned. */
  expiresAt: z.coerce
    .date()
    .refine((d) => d.getTime() > Date.now(), BAN_END_IN_THE_PAST)
    .optional(),
});

export const sessionIdSchema = z.object({ sessionId: z.string().min(1).max(64) });

export const listAuditSchema = z
  .object({
    action: z.string().max(64).optional(),
    actorId: z.string().max(64).optional(),
    targetId: z.string().max(64).optional(),
    limit: z.number().int().min(1).max(200).default(50),
    cursor: z.string().max(200).optional(),
  })
  .default({ limit: 50 });

/** Someone an audit entry names, as their account is now. */
export const auditPersonSchema = z.object({
  id: z.string(),
  /** Null when the account has been deleted since (entries outlive the accounts they name). */
  name: z.string().nullable(),
  /** The actor's is the address they had when acting, even once deleted; others' null then. */
  email: z.string().nullable(),
});

export const auditEntrySchema = z.object({
  id: z.string(),
  actorId: z.string(),
  actorEmail: z.string(),
  impersonatorId: z.string().nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string(),
  requestId: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  createdAt: z.date(),
  actor: auditPersonSchema,
  target: auditPersonSchema,
  /** The admin behind an entry written while acting as the actor; null otherwise. */
  impersonator: auditPersonSchema.nullable(),
});

export const auditPageSchema = z.object({
  items: z.array(auditEntrySchema),
  nextCursor: z.string().nullable(),
});

export const overviewSchema = z.object({
  users: z.number(),
  confirmedUsers: z.number(),
  todos: z.number(),
  /** Null until the `event` table exists in packages/db (another branch adds it). */
  events: z.number(),
  /** The last 30 days, oldest first, in UTC. */
  days: z.array(z.object({ day: z.string(), signUps: z.number(), activeUsers: z.number() })),
  /** When these figures were counted: they are shared through KV for up to a minute (ADR 065). */
  countedAt: z.date(),
});

export const impersonationSchema = z.object({
  userId: z.string(),
  /** The impersonation session ends by itself then, at the latest. */
  expiresAt: z.date(),
});

export const stopImpersonationSchema = z.object({
  /** False when the admin's own session had ended meanwhile: they are signed out instead. */
  restored: z.boolean(),
});
