// Times are shown in UTC, as the server logs them; the same text on the server and in the
// browser, whatever the reader's time zone, so hydration agrees.
const utc = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "medium",
  timeZone: "UTC",
});

export const formatUtc = (date: Date) => `${utc.format(date)} UTC`;
