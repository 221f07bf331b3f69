import { isAccountPassword, wrongPasswordRefusal } from "../account/password-check";
import { passwordCheckProcedure, sessionProcedure } from "../procedures";
import { atLimit, limitReachedError } from "../shared/row-cap";
import { rowLimits } from "../shared/row-limits";
import {
  apiKeyIdSchema,
  apiKeySummarySchema,
  createApiKeySchema,
  createdApiKeySchema,
} from "./schema";
import * as service from "./service";

// Keys are managed from a signed-in session only: a key can never mint or revoke keys.
const sessionOnly = sessionProcedure;

export const apiKeyRouter = {
  list: sessionOnly
    .meta({ access: "read" })
    .output(apiKeySummarySchema.array())
    .handler(({ context }) => service.listApiKeys(context.db, context.user.id)),

  // A key survives a password reset: a stolen session cookie alone must not mint one.
  create: passwordCheckProcedure
    .meta({ access: "write" })
    .errors({ LIMIT_REACHED: limitReachedError })
    .input(createApiKeySchema)
    .output(createdApiKeySchema)
    .handler(async ({ context, input: { password, ...input }, errors }) => {
      if (!(await isAccountPassword(context.auth, context.user.id, password))) {
        throw errors.BAD_REQUEST(wrongPasswordRefusal());
      }
      const created = await service.createApiKey(context.db, context.user.id, input);
      if (!created) {
        const advice = "Revoke one you no longer use to create another.";
        throw errors.LIMIT_REACHED(atLimit(rowLimits.apiKeys, "API keys", advice));
      }
      return created;
    }),

  revoke: sessionOnly
    .meta({ access: "write" })
    .errors({ NOT_FOUND: { message: "That API key does not exist." } })
    .input(apiKeyIdSchema)
    .output(apiKeyIdSchema)
    .handler(async ({ context, input, errors }) => {
      const revoked = await service.revokeApiKey(context.db, context.user.id, input.id);
      if (!revoked) throw errors.NOT_FOUND();
      return revoked;
    }),
};
