import { asc, desc, type Placeholder, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { z } from "zod";

// Keyset pagination shared by every list: rows are ordered by (key, id) and a page continues
// strictly after the last row of the previous one, so inserts and deletes between pages never
// skip or repeat a row, and ties on the key (many rows with one createdAt) are broken by id.

export type Direction = "asc" | "desc";

/** Where a page ended: the last row's sort key and id. */
export interface Position<K extends number | string = number | string> {
  key: K;
  id: string;
}

const idSchema = z.string().regex(/^[0-9a-f-]{36}$/);

/**
 * Opaque to clients: base64url of [order, key, id]. The order name travels along, so a cursor
 * from one sort is refused by another instead of silently skipping rows.
 */
export function encodeCursor(order: string, { key, id }: Position): string {
  return btoa(JSON.stringify([order, key, id]))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(/=+$/, "");
}

/** Null for anything that is not a cursor this API handed out for `order`. */
export function decodeCursor<K extends number | string>(
  value: string,
  order: string,
  keySchema: z.ZodType<K>,
): Position<K> | null {
  let decoded: unknown;
  try {
    decoded = JSON.parse(atob(value.replaceAll("-", "+").replaceAll("_", "/")));
  } catch {
    return null;
  }
  const parsed = z.tuple([z.literal(order), keySchema, idSchema]).safeParse(decoded);
  if (!parsed.success) return null;
  const [, key, id] = parsed.data;
  return { key, id };
}

/** Where a prepared query's page starts: filled by `positionValues`. */
export const AFTER_PLACEHOLDER = {
  key: sql.placeholder("afterKey"),
  id: sql.placeholder("afterId"),
};

/** The values of `AFTER_PLACEHOLDER` for a page that continues after `position`. */
export function positionValues(position: Position) {
  return { afterKey: position.key, afterId: position.id };
}

/** Rows strictly after `position` in (key, id) order: one row-value range SQLite seeks to. */
export function after(
  key: SQLWrapper,
  id: SQLiteColumn,
  direction: Direction,
  position: Position | { key: Placeholder; id: Placeholder } | null,
): SQL | undefined {
  if (!position) return undefined;
  return direction === "asc"
    ? sql`(${key}, ${id}) > (${position.key}, ${position.id})`
    : sql`(${key}, ${id}) < (${position.key}, ${position.id})`;
}

export function orderBy(key: SQLWrapper, id: SQLiteColumn, direction: Direction): SQL[] {
  const by = direction === "asc" ? asc : desc;
  return [by(key), by(id)];
}

/**
 * A page from `limit + 1` fetched rows: the extra row only says whether another page exists.
 */
export function toPage<T>(
  rows: T[],
  limit: number,
  order: string,
  positionOf: (row: T) => Position,
): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > limit && last ? encodeCursor(order, positionOf(last)) : null,
  };
}

/** The page-size input every list shares. */
export const PAGE_MAX = 100;
// Coerced so REST callers can pass it in the query string.
const PAGE_LIMIT_RULE = `Use a whole number from 1 to ${PAGE_MAX}.`;
export const pageLimitSchema = z.coerce
  .number<number>({ error: PAGE_LIMIT_RULE })
  .int({ error: PAGE_LIMIT_RULE })
  .min(1, { error: PAGE_LIMIT_RULE })
  .max(PAGE_MAX, { error: PAGE_LIMIT_RULE })
  .default(50);
/** Opaque cursor from the previous page's `nextCursor`. */
export const cursorSchema = z.string().max(400).optional();
