import { z } from "zod";

/** One signed-in session as the devices list shows it (never its token). */
export const deviceSchema = z.object({
  id: z.string(),
  browser: z.string(),
  device: z.string(),
  ipAddress: z.string().nullable(),
  /** Two-letter country code, when Cloudflare knew it. */
  country: z.string().nullable(),
  createdAt: z.date(),
  lastSeenAt: z.date(),
  /** An admin acting as the user (impersonation): shown without the admin's address or browser. */
  support: z.boolean(),
  /** The session of the request asking. */
  current: z.boolean(),
});

export const deviceIdSchema = z.object({ id: z.string().max(64) });

/** How many other devices "sign out everywhere else" ended. */
export const signedOutSchema = z.object({ signedOut: z.number().int() });

export type Device = z.infer<typeof deviceSchema>;
