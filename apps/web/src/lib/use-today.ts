import { useSyncExternalStore } from "react";

// Calendar dates as YYYY-MM-DD, the form `<input type="date">` and the API use.
const isoDate = (year: number, month: number, day: number) =>
  `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;

const localToday = () => {
  const now = new Date();
  return isoDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
};

const utcToday = () => new Date().toISOString().slice(0, 10);

const noSubscription = () => () => {};

/**
 * Today in the reader's time zone. The server renders with UTC's date; hydration starts from
 * that and then switches to the browser's own, so the two never disagree mid-hydration.
 */
export function useToday(): string {
  return useSyncExternalStore(noSubscription, localToday, utcToday);
}

const dayMonth = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  timeZone: "UTC",
});
const dayMonthYear = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

/** A YYYY-MM-DD date for people ("3 Dec", or "3 Dec 2027" outside this year). */
export function formatCalendarDate(date: string, today: string) {
  const [year = 0, month = 1, day = 1] = date.split("-").map(Number);
  const format = date.slice(0, 4) === today.slice(0, 4) ? dayMonth : dayMonthYear;
  return format.format(new Date(Date.UTC(year, month - 1, day)));
}
