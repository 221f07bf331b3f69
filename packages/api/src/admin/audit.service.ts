import { schema } from "@checkmark/db";
import { and, desc, eq, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { AdminContext } from "./admin-context";
import { decodeKeyset, encodeKeyset } from "./keyset";
import type { listAuditSchema } from "./schema";

const { auditLog } = schema;

const parse = (value: string | null) => (value === null ? null : (JSON.parse(value) as unknown));

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
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(input.limit + 1);
  const items = rows
    .slice(0, input.limit)
    .map((row) => ({ ...row, before: parse(row.before), after: parse(row.after) }));
  const last = items.at(-1);
  return {
    items,
    nextCursor:
      rows.length > input.limit && last ? encodeKeyset(last.createdAt.getTime(), last.id) : null,
  };
}
