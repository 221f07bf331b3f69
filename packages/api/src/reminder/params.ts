import { z } from "zod";

/**
 * What a reminder workflow instance is created with. The workflow parses it again (a
 * malformed instance fails for good instead of retrying) and re-reads the event before it
 * mails, so nothing here is trusted beyond naming the event.
 */
export const reminderParamsSchema = z.object({
  userId: z.string().min(1).max(100),
  eventId: z.string().min(1).max(100),
  /** Milliseconds since the epoch: when to mail. */
  remindAt: z.number().int().positive(),
});
export type ReminderParams = z.infer<typeof reminderParamsSchema>;
