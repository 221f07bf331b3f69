import { isBanned } from "@checkmark/auth/ban";
import { schema } from "@checkmark/db";
import { ORPCError } from "@orpc/server";
import { and, asc, desc, eq, gt, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import { invalidate } from "../shared/kv-cache";
import type { AdminContext } from "./admin-context";
import { auditInsert } from "./audit";
import { decodeKeyset, encodeKeyset } from "./keyset";
import { OVERVIEW_CACHE_KEY } from "./overview.service";
import type { banSchema, createUserSchema, listUsersSchema, setRoleSchema } from "./schema";

const { session, user } = schema;

// "user"."id" spelled out: drizzle leaves single-table columns unqualified, and inside this
// subquery a bare "id" would mean the session's.
const lastSeenAt = sql<
  number | null
>`(SELECT max(${session.updatedAt}) FROM ${session} WHERE ${session.userId} = "user"."id")`;

const userColumns = {
  id: user.id,
  name: user.name,
  email: user.email,
  role: user.role,
  emailVerified: user.emailVerified,
  banned: user.banned,
  banReason: user.banReason,
  banExpires: user.banExpires,
  createdAt: user.createdAt,
  lastSeenAt,
};

type UserRow = {
  [K in keyof typeof userColumns]: K extends "lastSeenAt" ? number | null : unknown;
} & Record<string, unknown>;

function toAdminUser(row: UserRow) {
  const banned = isBanned({
    banned: row.banned as boolean,
    banExpires: row.banExpires as Date | null,
  });
  return {
    id: row.id as string,
    name: row.name as string,
    email: row.email as string,
    role: row.role as string,
    emailVerified: row.emailVerified as boolean,
    // A ban past its end is over, whatever the column still says.
    banned,
    banReason: banned ? (row.banReason as string | null) : null,
    banExpires: banned ? (row.banExpires as Date | null) : null,
    createdAt: row.createdAt as Date,
    lastSeenAt: row.lastSeenAt === null ? null : new Date(row.lastSeenAt),
  };
}

function likePattern(search: string) {
  return `%${search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function listUsers(context: AdminContext, input: z.infer<typeof listUsersSchema>) {
  const column = { createdAt: user.createdAt, email: user.email, name: user.name }[input.sort];
  const order = input.direction === "asc" ? asc : desc;
  const conditions: SQL[] = [];
  if (input.search) {
    const pattern = likePattern(input.search);
    conditions.push(
      sql`(lower(${user.email}) LIKE ${pattern} ESCAPE '\\' OR lower(${user.name}) LIKE ${pattern} ESCAPE '\\')`,
    );
  }
  if (input.cursor) {
    const [value, id] = decodeKeyset(input.cursor);
    if ((input.sort === "createdAt") !== (typeof value === "number")) {
      throw new ORPCError("BAD_REQUEST", { message: "That page cursor is not valid." });
    }
    const after = input.direction === "asc" ? sql`>` : sql`<`;
    conditions.push(sql`(${column}, ${user.id}) ${after} (${value}, ${id})`);
  }
  const rows = await context.db
    .select(userColumns)
    .from(user)
    .where(and(...conditions))
    .orderBy(order(column), order(user.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit).map((row) => toAdminUser(row as UserRow));
  const last = page.at(-1);
  const nextCursor =
    rows.length > input.limit && last
      ? encodeKeyset(
          input.sort === "createdAt" ? last.createdAt.getTime() : last[input.sort],
          last.id,
        )
      : null;
  return { items: page, nextCursor };
}

export async function findUser(context: AdminContext, userId: string) {
  const [row] = await context.db.select(userColumns).from(user).where(eq(user.id, userId));
  if (!row) throw new ORPCError("NOT_FOUND", { message: "No such user." });
  return toAdminUser(row as UserRow);
}

export async function userDetail(context: AdminContext, userId: string) {
  const found = await findUser(context, userId);
  const sessions = await context.db
    .select({
      id: session.id,
      createdAt: session.createdAt,
      updatedAt: session.updatedAt,
      expiresAt: session.expiresAt,
      ipAddress: session.ipAddress,
      userAgent: session.userAgent,
      impersonatedBy: session.impersonatedBy,
    })
    .from(session)
    .where(eq(session.userId, userId))
    .orderBy(desc(session.updatedAt));
  return { user: found, sessions };
}

function refuseSelf(context: AdminContext, userId: string, what: string) {
  if (userId === context.user.id) {
    throw new ORPCError("BAD_REQUEST", { message: `You cannot ${what} yourself.` });
  }
}

/**
 * Statements that end every impersonation `adminId` started, for the batch of the change that
 * takes their admin powers away: an impersonation session is the user's, so readSession would
 * otherwise go on accepting it for the rest of its hour. Each live one gets a `session.revoke`
 * row against the user acted as, naming the session its `user.impersonate` row started.
 */
async function endImpersonationsBy(context: AdminContext, adminId: string) {
  const live = await context.db
    .select({ id: session.id, userId: session.userId, expiresAt: session.expiresAt })
    .from(session)
    .where(and(eq(session.impersonatedBy, adminId), gt(session.expiresAt, new Date())));
  return [
    context.db.delete(session).where(eq(session.impersonatedBy, adminId)),
    ...live.map((row) =>
      auditInsert(context, {
        action: "session.revoke",
        targetType: "user",
        targetId: row.userId,
        before: { sessionId: row.id, expiresAt: row.expiresAt, impersonatedBy: adminId },
        after: null,
      }),
    ),
  ];
}

/** Changes the role; a demoted admin's impersonations end in the same batch. */
export async function setRole(context: AdminContext, input: z.infer<typeof setRoleSchema>) {
  refuseSelf(context, input.userId, "change the role of");
  const before = await findUser(context, input.userId);
  if (before.role === input.role) return before;
  await context.db.batch([
    context.db
      .update(user)
      .set({ role: input.role, updatedAt: new Date() })
      .where(eq(user.id, input.userId)),
    auditInsert(context, {
      action: "user.set-role",
      targetType: "user",
      targetId: input.userId,
      before: { role: before.role },
      after: { role: input.role },
    }),
    ...(input.role === "admin" ? [] : await endImpersonationsBy(context, input.userId)),
  ]);
  return findUser(context, input.userId);
}

/**
 * Bans the user and deletes every session they hold, and every impersonation they started
 * (left over if they lost admin outside the app), in one batch: old cookies stop at once.
 */
export async function banUser(context: AdminContext, input: z.infer<typeof banSchema>) {
  refuseSelf(context, input.userId, "ban");
  const before = await findUser(context, input.userId);
  if (before.role === "admin") {
    throw new ORPCError("BAD_REQUEST", {
      message: "Admins cannot be banned: make them a user first.",
    });
  }
  const after = { banned: true, banReason: input.reason, banExpires: input.expiresAt ?? null };
  await context.db.batch([
    context.db
      .update(user)
      .set({ ...after, updatedAt: new Date() })
      .where(eq(user.id, input.userId)),
    context.db.delete(session).where(eq(session.userId, input.userId)),
    auditInsert(context, {
      action: "user.ban",
      targetType: "user",
      targetId: input.userId,
      before: { banned: before.banned, banReason: before.banReason, banExpires: before.banExpires },
      after,
    }),
    ...(await endImpersonationsBy(context, input.userId)),
  ]);
  return findUser(context, input.userId);
}

export async function unbanUser(context: AdminContext, userId: string) {
  const before = await findUser(context, userId);
  await context.db.batch([
    context.db
      .update(user)
      .set({ banned: false, banReason: null, banExpires: null, updatedAt: new Date() })
      .where(eq(user.id, userId)),
    auditInsert(context, {
      action: "user.unban",
      targetType: "user",
      targetId: userId,
      before: { banned: before.banned, banReason: before.banReason, banExpires: before.banExpires },
      after: { banned: false, banReason: null, banExpires: null },
    }),
  ]);
  return findUser(context, userId);
}

export async function revokeSession(context: AdminContext, sessionId: string) {
  const [row] = await context.db
    .select({ id: session.id, userId: session.userId, expiresAt: session.expiresAt })
    .from(session)
    .where(eq(session.id, sessionId));
  if (!row) throw new ORPCError("NOT_FOUND", { message: "No such session." });
  await context.db.batch([
    context.db.delete(session).where(eq(session.id, sessionId)),
    auditInsert(context, {
      action: "session.revoke",
      targetType: "user",
      targetId: row.userId,
      before: { sessionId: row.id, expiresAt: row.expiresAt },
      after: null,
    }),
  ]);
  return { id: sessionId };
}

/**
 * A confirmed account without a password; the user gets the reset-password mail to set one
 * (Better Auth creates the password account when the link is used).
 */
export async function createUser(context: AdminContext, input: z.infer<typeof createUserSchema>) {
  const [taken] = await context.db
    .select({ id: user.id })
    .from(user)
    .where(sql`lower(${user.email}) = ${input.email}`);
  if (taken) throw new ORPCError("CONFLICT", { message: "An account with that email exists." });
  const id = crypto.randomUUID();
  const now = new Date();
  const values = {
    id,
    email: input.email,
    name: input.name,
    role: input.role,
    emailVerified: true,
  };
  await context.db.batch([
    context.db.insert(user).values({ ...values, createdAt: now, updatedAt: now }),
    auditInsert(context, {
      action: "user.create",
      targetType: "user",
      targetId: id,
      after: values,
    }),
  ]);
  // The admin who added an account sees it counted on the dashboard at once.
  await invalidate(context.cache, OVERVIEW_CACHE_KEY);
  await context.auth.api.requestPasswordReset({
    body: { email: input.email, redirectTo: "/reset-password" },
    headers: context.headers,
  });
  return findUser(context, id);
}
