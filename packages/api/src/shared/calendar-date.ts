import { z } from "zod";

/** A day on the calendar, YYYY-MM-DD, that exists (no 2026-02-30). Browser-safe. */
export const calendarDateSchema = z.iso.date("Use a real date written as YYYY-MM-DD.");
