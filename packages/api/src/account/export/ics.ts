import { schema } from "@checkmark/db";
import { eventColumns } from "../../event/service";
import { wallClockOf } from "../../event/wall-clock";
import type { Owner } from "../../shared/owner";
import { ownedRows } from "./pages";

// The account's events as an iCalendar file (RFC 5545), written here: ical.js, which reads
// imports in the browser, does not fit the server Worker's budget (ADR 010), and writing
// is only escaping, folding and dates.

const { event } = schema;

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** 20260328T090000Z: the instant in UTC, which every calendar reads without a VTIMEZONE. */
const utcStamp = (date: Date) =>
  `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}T${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`;

/** 20260328: the day the instant falls on in the event's zone (all-day events). */
function dayStamp(date: Date, zone: string) {
  const wall = wallClockOf(date, zone);
  return `${pad(wall.year, 4)}${pad(wall.month)}${pad(wall.day)}`;
}

/** TEXT values escape backslash, semicolon, comma and newlines. */
const escapeText = (text: string) =>
  text
    .replaceAll("\\", "\\\\")
    .replaceAll(";", "\\;")
    .replaceAll(",", "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");

/** Lines longer than 75 octets continue on lines starting with a space, never inside a character. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = "";
  let size = 0;
  for (const char of line) {
    const bytes = encoder.encode(char).byteLength;
    // The first line holds 75 octets; continuations 74 after their leading space.
    if (size + bytes > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = "";
      size = 0;
    }
    current += char;
    size += bytes;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

type EventRow = Pick<
  typeof event.$inferSelect,
  | "id"
  | "title"
  | "description"
  | "location"
  | "startsAt"
  | "endsAt"
  | "allDay"
  | "timeZone"
  | "updatedAt"
>;

function veventLines(row: EventRow, host: string): string[] {
  const times = row.allDay
    ? [
        `DTSTART;VALUE=DATE:${dayStamp(row.startsAt, row.timeZone)}`,
        // Stored as the midnight after the last day, which is iCalendar's exclusive end too.
        `DTEND;VALUE=DATE:${dayStamp(row.endsAt, row.timeZone)}`,
      ]
    : [`DTSTART:${utcStamp(row.startsAt)}`, `DTEND:${utcStamp(row.endsAt)}`];
  return [
    "BEGIN:VEVENT",
    `UID:${row.id}@${host}`,
    `DTSTAMP:${utcStamp(row.updatedAt)}`,
    ...times,
    `SUMMARY:${escapeText(row.title)}`,
    ...(row.description ? [`DESCRIPTION:${escapeText(row.description)}`] : []),
    ...(row.location ? [`LOCATION:${escapeText(row.location)}`] : []),
    "END:VEVENT",
  ];
}

const lines = (items: string[]) => items.map((line) => `${foldLine(line)}\r\n`).join("");

/** The owner's events as a VCALENDAR, a page of events at a time. `host` makes the UIDs global. */
export async function* accountIcs(owner: Owner, host: string): AsyncGenerator<string> {
  yield lines([
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Checkmark//Account export//EN",
    "CALSCALE:GREGORIAN",
  ]);
  // The rows hold exactly eventColumns, which include every EventRow field.
  const rows = ownedRows(owner, event, eventColumns) as AsyncGenerator<EventRow>;
  for await (const row of rows) yield lines(veventLines(row, host));
  yield lines(["END:VCALENDAR"]);
}
