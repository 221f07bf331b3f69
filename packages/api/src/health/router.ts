import { z } from "zod";
import { publicProcedure } from "../procedures";

export const healthCheck = publicProcedure
  .meta({ access: "read" })
  .output(z.literal("OK"))
  .handler(() => "OK" as const);
