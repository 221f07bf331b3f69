import { protectedProcedure } from "../procedures";
import { twoFactorStatusSchema } from "./schema";

/** Turning two-factor sign-in on and off goes through Better Auth (/api/auth/two-factor/*). */
export const twoFactorRouter = {
  status: protectedProcedure
    .meta({ access: "read" })
    .output(twoFactorStatusSchema)
    .handler(({ context }) => ({ enabled: context.user.twoFactorEnabled === true })),
};
