import { calendarDateSchema } from "../shared/calendar-date";

// Kept free of Drizzle so the browser bundle can validate with the same rule.
/** Optional on create; null clears it on update. */
export const todoDueDateSchema = calendarDateSchema.nullable();
