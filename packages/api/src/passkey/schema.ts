import { z } from "zod";
import { currentPasswordSchema } from "../account/schema";

/** What the settings page sends before it asks the device for a new passkey. */
export const allowPasskeyRegistrationSchema = z.object({ password: currentPasswordSchema });

export const passkeyRegistrationAllowedSchema = z.object({ expiresInSeconds: z.number() });

export type AllowPasskeyRegistrationInput = z.infer<typeof allowPasskeyRegistrationSchema>;
