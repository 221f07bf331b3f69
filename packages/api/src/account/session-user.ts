import { schema } from "@checkmark/db";
import { createSelectSchema } from "drizzle-zod";
import { z } from "zod";

/**
 * What the app may know of the signed-in user, straight from the user table. Server-only
 * (it pulls in the Drizzle schema), unlike ./schema.ts, which the browser's forms use.
 */
export const sessionUserSchema = createSelectSchema(schema.user)
  .pick({ id: true, name: true, email: true, role: true })
  .extend({
    /** The admin acting as this user (admin.users.impersonate); null otherwise. */
    impersonator: z.object({ name: z.string(), email: z.string() }).nullable(),
  });
