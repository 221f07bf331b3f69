import { sessionProcedure } from "../procedures";
import { deviceIdSchema, deviceSchema, signedOutSchema } from "./schema";
import * as service from "./service";

/** Devices are managed from a signed-in browser (sessionProcedure): a key has no session of its own. */
const sessionOnly = sessionProcedure.use(({ context, next }) =>
  next({ context: { sessionId: context.session.session.id } }),
);

export const deviceRouter = {
  list: sessionOnly
    .meta({ access: "read" })
    .output(deviceSchema.array())
    .handler(({ context }) => service.listDevices(context.owner, context.sessionId)),

  revoke: sessionOnly
    .errors({ NOT_FOUND: { message: "That device is already signed out." } })
    .input(deviceIdSchema)
    .output(deviceIdSchema)
    .handler(async ({ context, input, errors }) => {
      if (!(await service.revokeDevice(context.owner, input.id))) throw errors.NOT_FOUND();
      return input;
    }),

  revokeOthers: sessionOnly.output(signedOutSchema).handler(async ({ context }) => ({
    signedOut: await service.revokeOtherDevices(context.owner, context.sessionId),
  })),
};
