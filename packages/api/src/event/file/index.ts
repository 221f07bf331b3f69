import {
  EVENT_FILE_MAX_BYTES,
  EVENT_IMPORT_MAX_ROWS,
  type EventImportFailure,
  type EventImportRow,
} from "../import-row";
import { readCsv } from "./csv";
import { EventFileError } from "./error";
import { readIcs } from "./ics";

// @checkmark/api/event-file: reads an .ics or .csv file in the browser into the rows
// event.import takes. It runs on the client because the parsers do not fit the server Worker's
// size budget (docs/decisions/010); load it lazily, only where a file is imported.

export { EventFileError, type EventFileErrorCode } from "./error";
export { MAX_RECURRENCE_STEPS, RECURRENCE_WINDOW } from "./window";

export type EventFileFormat = "ics" | "csv";

export interface EventFileOptions {
  format: EventFileFormat;
  /** The user's IANA zone: for CSV times, floating and all-day iCalendar times. */
  timeZone: string;
  /** Centre of the recurrence window (default: now). */
  now?: Date;
}

export interface EventFile {
  /** Send these to event.import. */
  rows: EventImportRow[];
  /** Events that could not even be read; show them with the ones event.import reports. */
  failed: EventImportFailure[];
}

const MAX_MB = EVENT_FILE_MAX_BYTES / (1024 * 1024);

/** Reads a file (checking its size before reading it) or its text. Throws EventFileError. */
export async function readEventFile(
  file: Blob | string,
  { format, timeZone, now = new Date() }: EventFileOptions,
): Promise<EventFile> {
  const size = typeof file === "string" ? new TextEncoder().encode(file).byteLength : file.size;
  if (size > EVENT_FILE_MAX_BYTES) {
    throw new EventFileError("FILE_TOO_LARGE", `Import files may be at most ${MAX_MB} MB.`);
  }
  const text = typeof file === "string" ? file : await file.text();
  const { rows, failed, events } =
    format === "ics" ? readIcs(text, timeZone, now) : readCsv(text, timeZone);
  if (events === 0) throw new EventFileError("NO_EVENTS", "This file holds no events.");
  if (rows.length > EVENT_IMPORT_MAX_ROWS) {
    throw new EventFileError(
      "TOO_MANY_EVENTS",
      `This file holds ${rows.length} events (recurring ones counted per occurrence); one import takes at most ${EVENT_IMPORT_MAX_ROWS}.`,
    );
  }
  return { rows, failed };
}
