import { EMAIL_MAX_LENGTH } from "@checkmark/auth/email-policy";
import { NAME_MAX_LENGTH } from "@checkmark/auth/name-policy";
import { z } from "zod";
import { calendarDateSchema } from "../shared/calendar-date";

// The rules of the admin's user forms, browser-safe: the procedures check them again, and the
// forms show the same messages at their fields before sending.

export const ROLES = ["user", "admin"] as const;
export const roleSchema = z.enum(ROLES);

export const createUserSchema = z.object({
  email: z
    .email("Enter a valid email address.")
    .max(EMAIL_MAX_LENGTH, `Use at most ${EMAIL_MAX_LENGTH} characters.`)
    .toLowerCase(),
  name: z
    .string()
    .trim()
    .min(1, "Enter their name.")
    .max(NAME_MAX_LENGTH, `Use at most ${NAME_MAX_LENGTH} characters.`)
    // No control characters: the name goes into mail. (Empty is min(1)'s to name.)
    .regex(/^\P{Cc}*$/u, "Use letters, numbers and punctuation only."),
  role: roleSchema.default("user"),
});

export type CreateUserInput = z.input<typeof createUserSchema>;

export const BAN_REASON_MAX = 500;
export const banReasonSchema = z
  .string()
  .trim()
  .min(1, "Give a reason.")
  .max(BAN_REASON_MAX, `Use at most ${BAN_REASON_MAX} characters.`);

export const BAN_END_IN_THE_PAST = "The end of the ban must be in the future.";

/** A ban's end as the form holds it: a UTC day, whose start must be in the future; "" none. */
export const banFormSchema = z.object({
  reason: banReasonSchema,
  until: z.union([
    z.literal(""),
    calendarDateSchema.refine((day) => banEndOf(day).getTime() > Date.now(), BAN_END_IN_THE_PAST),
  ]),
});

export type BanFormValues = z.input<typeof banFormSchema>;

/** The instant a ban "until" that day ends: the day's start, UTC. */
export const banEndOf = (day: string) => new Date(`${day}T00:00:00Z`);
