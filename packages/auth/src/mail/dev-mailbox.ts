import { type Database, schema } from "@checkmark/db";
import type { MailTransport } from "./mailer";

/** Local only: every message lands in D1, where /dev/mailbox shows it. The mail id is the row id. */
export function devMailbox(db: Database): MailTransport {
  return {
    async deliver(mail) {
      await db
        .insert(schema.devMail)
        .values({ id: mail.id, recipient: mail.to, subject: mail.subject, body: mail.body })
        .onConflictDoNothing();
    },
  };
}
