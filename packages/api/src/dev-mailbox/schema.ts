import { schema } from "@checkmark/db";
import { createSelectSchema } from "drizzle-zod";

export const devMailSchema = createSelectSchema(schema.devMail);
