import { sessionProcedure } from "../procedures";
import { limitReachedError } from "../shared/row-cap";
import { API_KEY_LIMIT } from "./limits";
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

  create: sessionOnly
    .meta({ access: "write" })
    .errors({
      LIMIT_REACHED: limitReachedError(
        `You have ${API_KEY_LIMIT} API keys, the most one account may hold. Revoke one you no longer use to create another.`,
      ),
    })
    .input(createApiKeySchema)
    .output(createdApiKeySchema)
    .handler(async ({ context, input, errors }) => {
      const created = await service.createApiKey(context.db, context.user.id, input);
      if (!created) throw errors.LIMIT_REACHED({ data: { limit: API_KEY_LIMIT } });
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
