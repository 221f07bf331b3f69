import { schema } from "@checkmark/db";
import { eq } from "drizzle-orm";
import { apiKeySummaryColumns } from "../../api-key/service";
import { publicAttachmentColumns } from "../../attachment/service";
import { eventColumns } from "../../event/service";
import type { Owner } from "../../shared/owner";
import { asOwnerSeesIt, type SessionPlace } from "../../shared/support-session";
import { ownedRows } from "./pages";

// What the JSON export holds, table by table: the columns each feature shows its owner, so no
// session token, password or key hash, or storage key.

const { todo, event, attachment, session, apiKey, user } = schema;

const todoColumns = {
  text: todo.text,
  completed: todo.completed,
  dueDate: todo.dueDate,
  createdAt: todo.createdAt,
  updatedAt: todo.updatedAt,
  deletedAt: todo.deletedAt,
};

const sessionColumns = {
  createdAt: session.createdAt,
  updatedAt: session.updatedAt,
  expiresAt: session.expiresAt,
  ipAddress: session.ipAddress,
  userAgent: session.userAgent,
  impersonatedBy: session.impersonatedBy,
};

/** The sessions, support access marked and without the admin's address or browser. */
async function* sessionRows(owner: Owner) {
  for await (const row of ownedRows(owner, session, sessionColumns)) {
    const { support, ...shown } = asOwnerSeesIt(row as Record<string, unknown> & SessionPlace);
    yield { ...shown, supportAccess: support };
  }
}

const sections = (owner: Owner) => ({
  todos: ownedRows(owner, todo, todoColumns),
  events: ownedRows(owner, event, eventColumns),
  attachments: ownedRows(owner, attachment, publicAttachmentColumns),
  sessions: sessionRows(owner),
  apiKeys: ownedRows(owner, apiKey, apiKeySummaryColumns),
});

/**
 * The account as one JSON document, written piece by piece: a profile object, then one array
 * per table, each filled a page at a time.
 */
export async function* accountJson(owner: Owner, now = new Date()): AsyncGenerator<string> {
  const profile = await owner.db
    .select({
      id: user.id,
      name: user.name,
      email: user.email,
      emailVerified: user.emailVerified,
      role: user.role,
      createdAt: user.createdAt,
    })
    .from(user)
    .where(eq(user.id, owner.userId))
    .get();
  yield `{"exportedAt":${JSON.stringify(now)},"profile":${JSON.stringify(profile ?? null)}`;
  for (const [name, rows] of Object.entries(sections(owner))) {
    yield `,${JSON.stringify(name)}:[`;
    let first = true;
    for await (const row of rows) {
      yield `${first ? "" : ","}${JSON.stringify(row)}`;
      first = false;
    }
    yield "]";
  }
  yield "}\n";
}
