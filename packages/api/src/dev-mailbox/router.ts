import { z } from "zod";
import { publicProcedure } from "../procedures";
import { devMailSchema } from "./schema";
import { latestMail } from "./service";

/** Local development only: the mail the app would have sent. Absent (NOT_FOUND) elsewhere. */
export const devMailboxRouter = {
  list: publicProcedure
    .errors({ NOT_FOUND: { message: "There is no dev mailbox here." } })
    .output(z.array(devMailSchema))
    .handler(({ context, errors }) => {
      if (!context.devMailbox) throw errors.NOT_FOUND();
      return latestMail(context.db, 50);
    }),
};
