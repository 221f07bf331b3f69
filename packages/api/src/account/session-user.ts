import { schema } from "@checkmark/db";
import { createSelectSchema } from "drizzle-zod";

/**
 * What the app may know of the signed-in user, straight from the user table. Server-only
 * (it pulls in the Drizzle schema), unlike ./schema.ts, which the browser's forms use.
 */
export const sessionUserSchema = createSelectSchema(schema.user).pick({
  id: true,
  name: true,
  email: true,
  role: true,
});
