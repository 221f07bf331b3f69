import { schema } from "@checkmark/db";
import { eq, gte, lt } from "drizzle-orm";
import { z } from "zod";
import { after, orderBy, type Position, toPage } from "../shared/keyset";
import { type Owner, ownedBy } from "../shared/owner";
import { insertWithinCap } from "../shared/row-cap";
import { rowLimits } from "../shared/row-limits";
import type { EventListDirection } from "./list-direction";
import { wallClockTimes } from "./times";

const { event } = schema;

// Every query goes through ownedBy: another user's event is indistinguishable from a missing
// one; the caller gets null and says NOT_FOUND.

/** What a client sees of an event (also what the account export writes). */
export const eventColumns = {
  id: event.id,
  title: event.title,
  description: event.description,
  location: event.location,
  allDay: event.allDay,
  timeZone: event.timeZone,
  startsAt: event.startsAt,
  endsAt: event.endsAt,
  createdAt: event.createdAt,
  updatedAt: event.updatedAt,
};

type EventRow = { allDay: boolean; timeZone: string; startsAt: Date; endsAt: Date };

const withWallClock = <T extends EventRow>(row: T) => ({ ...row, ...wallClockTimes(row) });

export interface EventValues {
  title: string;
  description: string | null;
  location: string | null;
  allDay: boolean;
  timeZone: string;
  startsAt: Date;
  endsAt: Date;
}

/** The agenda orders by start, the id breaking ties; one index walk either way. */
export const EVENT_ORDERS = {
  upcoming: "asc",
  past: "desc",
} as const satisfies Record<EventListDirection, "asc" | "desc">;
export const eventCursorKeySchema = z.number().int();

export async function listEvents(
  owner: Owner,
  query: { from: Date; when: EventListDirection; limit: number; after: Position | null },
) {
  const direction = EVENT_ORDERS[query.when];
  const side =
    query.when === "upcoming" ? gte(event.startsAt, query.from) : lt(event.startsAt, query.from);
  const rows = await owner.db
    .select(eventColumns)
    .from(event)
    .where(ownedBy(owner, event, side, after(event.startsAt, event.id, direction, query.after)))
    .orderBy(...orderBy(event.startsAt, event.id, direction))
    .limit(query.limit + 1);
  return toPage(rows.map(withWallClock), query.limit, query.when, (row) => ({
    key: row.startsAt.getTime(),
    id: row.id,
  }));
}

export async function getEvent(owner: Owner, id: string) {
  const [row] = await owner.db
    .select(eventColumns)
    .from(event)
    .where(ownedBy(owner, event, eq(event.id, id)));
  return row ? withWallClock(row) : null;
}

/** Adds an event, or answers null when its owner already holds `rowLimits.events`. */
export async function createEvent(owner: Owner, values: EventValues) {
  const created = await insertWithinCap(owner, { table: event, limit: rowLimits.events }, (id) =>
    owner.db
      .insert(event)
      .values({ ...values, id, userId: owner.userId })
      .returning(eventColumns),
  );
  return created && withWallClock(created);
}

/** Null when missing, or (with `expected`) changed since that copy was read, as updateTodo. */
export async function updateEvent(owner: Owner, id: string, values: EventValues, expected?: Date) {
  const unchanged = expected ? eq(event.updatedAt, expected) : undefined;
  const [updated] = await owner.db
    .update(event)
    .set(values)
    .where(ownedBy(owner, event, eq(event.id, id), unchanged))
    .returning(eventColumns);
  return updated ? withWallClock(updated) : null;
}

export async function deleteEvent(owner: Owner, id: string) {
  const [deleted] = await owner.db
    .delete(event)
    .where(ownedBy(owner, event, eq(event.id, id)))
    .returning({ id: event.id });
  return deleted ?? null;
}

/** Picks the stored columns out of parsed input (which also holds the wall-clock strings). */
export function eventValues(input: EventValues): EventValues {
  const { title, description, location, allDay, timeZone, startsAt, endsAt } = input;
  return { title, description, location, allDay, timeZone, startsAt, endsAt };
}
