import { z } from "zod";
import { adminProcedure } from "../procedures";
import { frontendErrorSchema } from "./schema";
import { latestFrontendErrors } from "./service";

export const frontendErrorRouter = {
  list: adminProcedure
    .input(z.object({ limit: z.number().int().min(1).max(200).default(50) }).default({ limit: 50 }))
    .output(z.array(frontendErrorSchema))
    .handler(({ context, input }) => latestFrontendErrors(context.db, input.limit)),
};
