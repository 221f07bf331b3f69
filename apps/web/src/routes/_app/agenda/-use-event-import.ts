import { EVENT_FILE_MAX_BYTES, type EventImportFailure } from "@checkmark/api/schemas";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { formatSize } from "../../../lib/format-size";
import { client } from "../../../lib/orpc";
import { describeRpcError } from "../../../lib/rpc-error";
import { browserTimeZone } from "../../../lib/time-zone";
import { resetEventLists } from "./-queries";

export interface ImportCounts {
  /** Rows handled by the server so far, of `total` sent. */
  done: number;
  total: number;
  imported: number;
  /** Already imported before: a re-import writes them again as nothing. */
  skipped: number;
  /** Rows the file reader or the server refused, with why, in file order. */
  failed: EventImportFailure[];
}

export type ImportState =
  | { phase: "idle" }
  | { phase: "reading"; fileName: string }
  | { phase: "importing" | "finished" | "cancelled"; fileName: string; counts: ImportCounts }
  | { phase: "failed"; fileName: string; message: string; counts: ImportCounts | null };

export function formatOf(fileName: string): "ics" | "csv" | null {
  const extension = fileName.toLowerCase().split(".").pop();
  if (extension === "ics" || extension === "ical" || extension === "ifb") return "ics";
  if (extension === "csv") return "csv";
  return null;
}

/** Why a chosen file cannot be imported at all, before a byte of it is read; null if it can. */
export function refusalOf(file: File): string | null {
  if (!formatOf(file.name)) return "Choose an iCalendar (.ics) or CSV (.csv) file.";
  if (file.size > EVENT_FILE_MAX_BYTES) {
    return `This file is ${formatSize(file.size)}; import files may be at most ${formatSize(EVENT_FILE_MAX_BYTES)}. Export a shorter date range, or split the file.`;
  }
  return null;
}

const byRow = (a: EventImportFailure, b: EventImportFailure) => a.row - b.row;

/**
 * Reads a file in the browser (the parsers load with the first import, docs/decisions/010),
 * then streams it through event.import, keeping the counts as they arrive. `cancel` aborts
 * the stream: what the server wrote so far stays, whole.
 */
export function useEventImport() {
  const [state, setState] = useState<ImportState>({ phase: "idle" });
  const running = useRef<AbortController | null>(null);
  const queryClient = useQueryClient();
  // Leaving the page ends the import too.
  useEffect(() => () => running.current?.abort(), []);

  const start = useCallback(
    async (file: File) => {
      const format = formatOf(file.name);
      const refusal = refusalOf(file);
      if (refusal || !format) {
        setState({ phase: "failed", fileName: file.name, message: refusal ?? "", counts: null });
        return;
      }
      const abort = new AbortController();
      running.current = abort;
      const fileName = file.name;
      setState({ phase: "reading", fileName });

      let rows: Awaited<ReturnType<typeof readFile>>["rows"];
      let counts: ImportCounts;
      try {
        const read = await readFile(file, format);
        rows = read.rows;
        counts = { done: 0, total: rows.length, imported: 0, skipped: 0, failed: read.failed };
      } catch (error) {
        const message =
          error instanceof Error && error.name === "EventFileError"
            ? error.message
            : "This file could not be read.";
        setState({ phase: "failed", fileName, message, counts: null });
        return;
      }
      if (abort.signal.aborted) return setState({ phase: "cancelled", fileName, counts });
      if (rows.length === 0) return setState({ phase: "finished", fileName, counts });

      setState({ phase: "importing", fileName, counts });
      try {
        const progress = await client.event.import({ rows }, { signal: abort.signal });
        for await (const step of progress) {
          counts = { ...step, failed: [...counts.failed, ...step.failed].sort(byRow) };
          setState({ phase: "importing", fileName, counts });
        }
        // The page shows the result where the progress was (leaving the page ends the import,
        // so there is nowhere else to tell): no toast saying it a third time.
        setState({ phase: "finished", fileName, counts });
      } catch (error) {
        if (abort.signal.aborted) {
          setState({ phase: "cancelled", fileName, counts });
        } else {
          const message = describeRpcError(error, "The import stopped.");
          setState({ phase: "failed", fileName, message, counts });
        }
      } finally {
        running.current = null;
        void resetEventLists(queryClient);
      }
    },
    [queryClient],
  );

  const cancel = useCallback(() => running.current?.abort(), []);
  const reset = useCallback(() => setState({ phase: "idle" }), []);
  return { state, start, cancel, reset };
}

async function readFile(file: File, format: "ics" | "csv") {
  // Files are read in the browser only (docs/decisions/010). Without this guard the Worker's
  // build would also carry the readers (Papa Parse, ical.js: 31 KiB gzip) it never runs.
  if (import.meta.env.SSR) throw new Error("Event files are read in the browser.");
  const { readEventFile } = await import("@checkmark/api/event-file");
  return readEventFile(file, { format, timeZone: browserTimeZone() });
}
