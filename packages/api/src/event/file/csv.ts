import Papa from "papaparse";
import type { EventImportFailure, EventImportRow } from "../import-row";
import { EventFileError } from "./error";

// A CSV file to import rows with Papa Parse (docs/decisions/010): quoting, line breaks in
// cells, a byte-order mark, and "," or ";" (spreadsheets in many locales) are its job.

const COLUMNS = ["title", "start", "end", "location", "description"] as const;

/** "2026-03-28 09:00" as spreadsheets write it becomes "2026-03-28T09:00"; the rest stays. */
const normalizeTime = (value: string | undefined) =>
  value?.trim().replace(/^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}(?::\d{2})?)$/, "$1T$2") || undefined;

export function readCsv(text: string, userZone: string) {
  const parsed = Papa.parse<Record<string, string | undefined>>(text, {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (header) => header.trim().toLowerCase(),
  });
  const fields = parsed.meta.fields ?? [];
  if (!fields.includes("title") || !fields.includes("start")) {
    throw new EventFileError(
      "MALFORMED",
      `The CSV needs a header row naming its columns: title and start, and optionally ${COLUMNS.slice(2).join(", ")}.`,
    );
  }
  const problems = new Map<number, string>();
  for (const error of parsed.errors) {
    if (error.row !== undefined && !problems.has(error.row)) problems.set(error.row, error.message);
  }
  const rows: EventImportRow[] = [];
  const failed: EventImportFailure[] = [];
  for (const [index, record] of parsed.data.entries()) {
    // Row numbers as a spreadsheet shows them: the header is row 1.
    const row = index + 2;
    const title = record.title?.trim() ?? "";
    const problem = problems.get(index);
    if (problem) {
      failed.push({ row, title: title || null, reason: problem });
      continue;
    }
    rows.push({
      row,
      title,
      start: normalizeTime(record.start) ?? "",
      end: normalizeTime(record.end),
      timeZone: userZone,
      location: record.location?.trim() || undefined,
      description: record.description?.trim() || undefined,
    });
  }
  return { rows, failed, events: parsed.data.length };
}
