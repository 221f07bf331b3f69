import type { EventImportFailure } from "@checkmark/api/schemas";
import { cardClass } from "../../../components/page";
import type { ImportCounts } from "./-use-event-import";

const SHOWN_FAILURES = 200;

const plural = (count: number, one: string, many = `${one}s`) =>
  `${count} ${count === 1 ? one : many}`;

/** The counts in one sentence: "12 events imported, 3 already there, 1 row failed." */
export function countsSentence(counts: ImportCounts) {
  const parts = [`${plural(counts.imported, "event")} imported`];
  if (counts.skipped > 0) parts.push(`${counts.skipped} already there`);
  if (counts.failed.length > 0) parts.push(`${plural(counts.failed.length, "row")} failed`);
  return `${parts.join(", ")}.`;
}

/** The rows that were not written, and why; a long list is cut after the first 200. */
export function FailedRows({ failed }: { failed: EventImportFailure[] }) {
  if (failed.length === 0) return null;
  return (
    <section aria-labelledby="failed-rows" className={`mt-6 p-4 sm:p-6 ${cardClass}`}>
      <h2 id="failed-rows" className="font-semibold">
        Not imported ({failed.length})
      </h2>
      <p className="mt-1 text-sm text-ink-muted">
        These rows were skipped and wrote nothing; the rest of the file was imported. Fix them in
        the file and import it again: events already imported are not added twice.
      </p>
      <ul className="mt-3 divide-y divide-line text-sm">
        {failed.slice(0, SHOWN_FAILURES).map((failure) => (
          <li key={`${failure.row}-${failure.reason}`} className="py-2">
            <span className="font-medium">
              Row {failure.row}
              {failure.title ? `: ${failure.title}` : ""}
            </span>
            <span className="block break-words text-danger">{failure.reason}</span>
          </li>
        ))}
      </ul>
      {failed.length > SHOWN_FAILURES && (
        <p className="mt-2 text-sm text-ink-muted">…and {failed.length - SHOWN_FAILURES} more.</p>
      )}
    </section>
  );
}
