import { asc, gt } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import { type OwnedTable, type Owner, ownedBy } from "../../shared/owner";

/** Rows per query: a large account is read a page at a time, never held whole. */
export const EXPORT_PAGE_SIZE = 200;

type PagedTable = SQLiteTable & OwnedTable & { id: SQLiteColumn };

/**
 * Every row the owner has in `table`, as `columns` name them (only these: secrets stay out),
 * page after page in id order. Keyset: each page starts strictly after the last id of the
 * previous one, so a page is one index seek however far the export has got.
 */
export async function* ownedRows(
  owner: Owner,
  table: PagedTable,
  columns: Record<string, SQLiteColumn>,
): AsyncGenerator<Record<string, unknown>> {
  let after: unknown = null;
  for (;;) {
    const rows: Record<string, unknown>[] = await owner.db
      .select({ ...columns, id: table.id })
      .from(table)
      .where(ownedBy(owner, table, after === null ? undefined : gt(table.id, after)))
      .orderBy(asc(table.id))
      .limit(EXPORT_PAGE_SIZE);
    yield* rows;
    if (rows.length < EXPORT_PAGE_SIZE) return;
    after = rows.at(-1)?.id;
  }
}

/** A byte stream that asks the generator for more only when the reader wants it. */
export function streamOf(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
