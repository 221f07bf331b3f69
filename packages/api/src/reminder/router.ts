import { protectedProcedure } from "../procedures";
import { reminderSettingSchema } from "./minutes";
import { getReminderMinutes, setReminderMinutes } from "./service";

export const reminderRouter = {
  /** The caller's reminder setting. */
  setting: protectedProcedure
    .meta({ access: "read" })
    .output(reminderSettingSchema)
    .handler(async ({ context }) => ({ minutesBefore: await getReminderMinutes(context.owner) })),

  /** Turns reminders on (minutes before each event) or off (null); pending ones follow. */
  update: protectedProcedure
    .input(reminderSettingSchema)
    .output(reminderSettingSchema)
    .handler(async ({ context, input }) => {
      await setReminderMinutes(context.owner, input.minutesBefore);
      await context.reminders.userSettingChanged(context.user.id);
      return input;
    }),
};
