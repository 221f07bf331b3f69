import { schema } from "@checkmark/db";
import type { AdminContext } from "./admin-context";

export interface AuditFacts {
  action: string;
  targetType: "user" | "session";
  targetId: string;
  before?: unknown;
  after?: unknown;
}

/** The audit row of one admin action, to go in the same D1 batch as the change itself. */
export function auditInsert(context: AdminContext, facts: AuditFacts) {
  const { user, session } = context.session;
  return context.db.insert(schema.auditLog).values({
    actorId: user.id,
    actorEmail: user.email,
    impersonatorId: session.impersonatedBy ?? null,
    action: facts.action,
    targetType: facts.targetType,
    targetId: facts.targetId,
    requestId: context.requestId,
    before: facts.before === undefined ? null : JSON.stringify(facts.before),
    after: facts.after === undefined ? null : JSON.stringify(facts.after),
  });
}
