// Times are shown in UTC, as the server logs them; the same text on the server and in the
// browser, whatever the reader's time zone, so hydration agrees.
// To the minute: seconds are noise to a reader ("26 Nov 2026, 23:46 UTC").
const utc = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

export const formatUtc = (date: Date) => `${utc.format(date)} UTC`;
