import { publicProcedure } from "../procedures";
import { deleteProcedures } from "./delete-router";
import { profileProcedures } from "./profile-router";
import { sessionUserSchema } from "./session-user";

/** Who is signed in, or null: lets pages decide on redirects without a second auth call. */
export const accountRouter = {
  me: publicProcedure
    .meta({ access: "read" })
    .output(sessionUserSchema.nullable())
    .handler(({ context }) => {
      const user = context.session?.user;
      return user ? { id: user.id, name: user.name, email: user.email, role: user.role } : null;
    }),
  ...profileProcedures,
  ...deleteProcedures,
};
