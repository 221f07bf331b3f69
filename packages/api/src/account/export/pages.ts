import { gt } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { type OwnedTable, type Owner, ownedBy } from "../../shared/owner";

/** Rows per query: a large account is read a page at a time, never held whole. */
export const EXPORT_PAGE_SIZE = 200;

interface Paged extends OwnedTable {
  id: SQLiteColumn;
}

/**
 * Every row the owner has in `table`, page after page in id order (keyset: each page starts
 * strictly after the last id of the previous one). `read` runs one page's query.
 */
export async function* ownedRows<T extends { id: string }>(
  owner: Owner,
  table: Paged,
  read: (where: ReturnType<typeof ownedBy>, limit: number) => Promise<T[]>,
): AsyncGenerator<T> {
  let after: string | null = null;
  for (;;) {
    const rows: T[] = await read(
      ownedBy(owner, table, after === null ? undefined : gt(table.id, after)),
      EXPORT_PAGE_SIZE,
    );
    yield* rows;
    const last = rows.at(-1);
    if (!last || rows.length < EXPORT_PAGE_SIZE) return;
    after = last.id;
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
