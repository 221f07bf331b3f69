import { schema } from "@checkmark/db";
import { asc, eq } from "drizzle-orm";
import type { Owner } from "../../shared/owner";
import { ownedRows } from "./pages";

// What the JSON export holds, table by table. Secrets stay out: no session tokens, no
// password hashes, no API key hashes, no storage keys.

const { todo, event, attachment, session, apiKey, user } = schema;

function sections(owner: Owner) {
  const { db } = owner;
  return {
    todos: ownedRows(owner, todo, (where, limit) =>
      db
        .select({
          id: todo.id,
          text: todo.text,
          completed: todo.completed,
          dueDate: todo.dueDate,
          createdAt: todo.createdAt,
          updatedAt: todo.updatedAt,
          deletedAt: todo.deletedAt,
        })
        .from(todo)
        .where(where)
        .orderBy(asc(todo.id))
        .limit(limit),
    ),
    events: ownedRows(owner, event, (where, limit) =>
      db
        .select({
          id: event.id,
          title: event.title,
          description: event.description,
          location: event.location,
          startsAt: event.startsAt,
          endsAt: event.endsAt,
          allDay: event.allDay,
          timeZone: event.timeZone,
          createdAt: event.createdAt,
          updatedAt: event.updatedAt,
        })
        .from(event)
        .where(where)
        .orderBy(asc(event.id))
        .limit(limit),
    ),
    attachments: ownedRows(owner, attachment, (where, limit) =>
      db
        .select({
          id: attachment.id,
          todoId: attachment.todoId,
          name: attachment.name,
          contentType: attachment.contentType,
          size: attachment.size,
          createdAt: attachment.createdAt,
        })
        .from(attachment)
        .where(where)
        .orderBy(asc(attachment.id))
        .limit(limit),
    ),
    sessions: ownedRows(owner, session, (where, limit) =>
      db
        .select({
          id: session.id,
          createdAt: session.createdAt,
          updatedAt: session.updatedAt,
          expiresAt: session.expiresAt,
          ipAddress: session.ipAddress,
          userAgent: session.userAgent,
        })
        .from(session)
        .where(where)
        .orderBy(asc(session.id))
        .limit(limit),
    ),
    apiKeys: ownedRows(owner, apiKey, (where, limit) =>
      db
        .select({
          id: apiKey.id,
          name: apiKey.name,
          start: apiKey.start,
          scope: apiKey.scope,
          expiresAt: apiKey.expiresAt,
          createdAt: apiKey.createdAt,
        })
        .from(apiKey)
        .where(where)
        .orderBy(asc(apiKey.id))
        .limit(limit),
    ),
  };
}

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
