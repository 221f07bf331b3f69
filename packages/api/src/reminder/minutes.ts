import { z } from "zod";

// Browser-safe: the settings form offers these and the server accepts exactly these.

/** How long before an event its reminder mail goes out, in minutes. */
export const REMINDER_MINUTES_OPTIONS = [5, 10, 15, 30, 60, 120, 1440] as const;

export const reminderSettingSchema = z.object({
  /** Null: no reminders. */
  minutesBefore: z
    .number()
    .int()
    .refine((minutes) => (REMINDER_MINUTES_OPTIONS as readonly number[]).includes(minutes), {
      message: `Choose one of ${REMINDER_MINUTES_OPTIONS.join(", ")} minutes.`,
    })
    .nullable(),
});
export type ReminderSetting = z.infer<typeof reminderSettingSchema>;
