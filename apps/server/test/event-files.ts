// iCalendar and CSV files for the import tests, written the way calendar apps export them.

const crlf = (lines: string[]) => `${lines.join("\r\n")}\r\n`;

export interface IcsEvent {
  uid: string;
  summary?: string;
  start: string;
  end?: string;
  tzid?: string;
  rrule?: string;
  extra?: string[];
}

export function icsFile(events: IcsEvent[]) {
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Checkmark tests//EN"];
  for (const event of events) {
    const zone = event.tzid ? `;TZID=${event.tzid}` : "";
    const date = /^\d{8}$/.test(event.start) ? ";VALUE=DATE" : "";
    lines.push("BEGIN:VEVENT", `UID:${event.uid}`, "DTSTAMP:20260101T000000Z");
    if (event.summary !== undefined) lines.push(`SUMMARY:${event.summary}`);
    lines.push(`DTSTART${zone}${date}:${event.start}`);
    if (event.end) lines.push(`DTEND${zone}${date}:${event.end}`);
    if (event.rrule) lines.push(`RRULE:${event.rrule}`);
    lines.push(...(event.extra ?? []), "END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return crlf(lines);
}

/** `n` one-hour CSV events, a day apart from 2031-01-01, titled "Event 1".."Event n". */
export function csvFile(n: number, header = "title,start,end,location,description") {
  const rows = Array.from({ length: n }, (_, i) => {
    const day = new Date(Date.UTC(2031, 0, 1 + i)).toISOString().slice(0, 10);
    return `Event ${i + 1},${day} 09:00,${day} 10:00,Room ${i % 7},"Notes, with a comma"`;
  });
  return crlf([header, ...rows]);
}
