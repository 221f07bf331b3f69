import { type Database, schema } from "@checkmark/db";
import type { Mailer } from "./mailer";

/** Local only: every message lands in D1, where /dev/mailbox shows it. */
export function devMailbox(db: Database): Mailer {
  return {
    async send(message) {
      await db.insert(schema.devMail).values({
        recipient: message.to,
        subject: message.subject,
        body: message.body,
      });
    },
  };
}
