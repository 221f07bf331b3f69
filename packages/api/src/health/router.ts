import { z } from "zod";
import { publicProcedure } from "../procedures";

export const healthCheck = publicProcedure.output(z.literal("OK")).handler(() => "OK" as const);
