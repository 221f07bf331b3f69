import { schema } from "@checkmark/db";
import { and, desc, eq, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { z } from "zod";
import type { AdminContext } from "./admin-context";
import { decodeKeyset, encodeKeyset } from "./keyset";
import type { listAuditSchema } from "./schema";

const { auditLog, user } = schema;

// The people an entry names, as their accounts are now: one query with three joins on the
// user's primary key rather than a lookup per row. No match: the account was deleted since.
const actor = alias(user, "actor");
const target = alias(user, "target");
const impersonator = alias(user, "impersonator");

const parse = (value: string | null) => (value === null ? null : (JSON.parse(value) as unknown));

const person = (id: string, name: string | null, email: string | null) => ({ id, name, email });

/** Newest first, filtered by action, actor and target; keyset pages on (created_at, id). */
export async function listAudit(context: AdminContext, input: z.infer<typeof listAuditSchema>) {
  const conditions: SQL[] = [];
  if (input.action) conditions.push(eq(auditLog.action, input.action));
  if (input.actorId) conditions.push(eq(auditLog.actorId, input.actorId));
  if (input.targetId) conditions.push(eq(auditLog.targetId, input.targetId));
  if (input.cursor) {
    const [value, id] = decodeKeyset(input.cursor);
    conditions.push(sql`(${auditLog.createdAt}, ${auditLog.id}) < (${value}, ${id})`);
  }
  const rows = await context.db
    .select({
      entry: auditLog,
      actorName: actor.name,
      actorEmail: actor.email,
      targetName: target.name,
      targetEmail: target.email,
      impersonatorName: impersonator.name,
      impersonatorEmail: impersonator.email,
    })
    .from(auditLog)
    .leftJoin(actor, eq(actor.id, auditLog.actorId))
    .leftJoin(target, and(eq(auditLog.targetType, "user"), eq(target.id, auditLog.targetId)))
    .leftJoin(impersonator, eq(impersonator.id, auditLog.impersonatorId))
    .where(and(...conditions))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(input.limit + 1);
  const items = rows.slice(0, input.limit).map(({ entry, ...names }) => ({
    ...entry,
    before: parse(entry.before),
    after: parse(entry.after),
    // The address the admin had when acting stays known after their account is gone.
    actor: person(entry.actorId, names.actorName, names.actorEmail ?? entry.actorEmail),
    target: person(entry.targetId, names.targetName, names.targetEmail),
    impersonator: entry.impersonatorId
      ? person(entry.impersonatorId, names.impersonatorName, names.impersonatorEmail)
      : null,
  }));
  const last = items.at(-1);
  return {
    items,
    nextCursor:
      rows.length > input.limit && last ? encodeKeyset(last.createdAt.getTime(), last.id) : null,
  };
}
