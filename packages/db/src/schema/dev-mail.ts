import { sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt } from "./columns";

/** Mail the app "sent" while MAIL_TRANSPORT is dev-mailbox: read at /dev/mailbox, never in production. */
export const devMail = sqliteTable("dev_mail", {
  id: text("id")
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID()),
  recipient: text("recipient").notNull(),
  subject: text("subject").notNull(),
  body: text("body").notNull(),
  createdAt: createdAt(),
});
