import { schema } from "@checkmark/db";
import { eq } from "drizzle-orm";
import type { Owner } from "../shared/owner";

const { reminderSetting } = schema;

/** Minutes before each event that the owner is reminded, or null when reminders are off. */
export async function getReminderMinutes(owner: Owner): Promise<number | null> {
  const [row] = await owner.db
    .select({ minutesBefore: reminderSetting.minutesBefore })
    .from(reminderSetting)
    .where(eq(reminderSetting.userId, owner.userId));
  return row?.minutesBefore ?? null;
}

export async function setReminderMinutes(owner: Owner, minutesBefore: number | null) {
  if (minutesBefore === null) {
    await owner.db.delete(reminderSetting).where(eq(reminderSetting.userId, owner.userId));
    return;
  }
  await owner.db
    .insert(reminderSetting)
    .values({ userId: owner.userId, minutesBefore })
    .onConflictDoUpdate({
      target: reminderSetting.userId,
      set: { minutesBefore, updatedAt: new Date() },
    });
}
