import { z } from "zod";
import { currentPasswordSchema } from "../account/schema";

export const API_KEY_SCOPES = ["read", "read-write"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** What the list shows of a key: never the key or its hash. */
export const apiKeySummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  start: z.string(),
  scope: z.enum(API_KEY_SCOPES),
  expiresAt: z.date().nullable(),
  createdAt: z.date(),
});

export const createApiKeySchema = z.object({
  name: z.string().trim().min(1).max(100),
  scope: z.enum(API_KEY_SCOPES),
  /** Days until the key stops working; none: it works until revoked. */
  expiresInDays: z.number().int().min(1).max(365).optional(),
  /** A key outlives a password reset, so making one takes the password, not only a session. */
  password: currentPasswordSchema,
});

/** The key itself is in this answer only: it is never shown again. */
export const createdApiKeySchema = apiKeySummarySchema.extend({ key: z.string() });

export const apiKeyIdSchema = z.object({ id: z.string().max(64) });

export type ApiKeySummary = z.infer<typeof apiKeySummarySchema>;
export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;
