import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, timestamp } from "./columns";

/**
 * One row per queued mail the consumer has handed to the provider, keyed by the id the
 * producer gave the message. A redelivered message finds its row and sends nothing again.
 * Holds no address or content; housekeeping drops rows older than any redelivery.
 */
export const mailDelivery = sqliteTable("mail_delivery", {
  mailId: text("mail_id").primaryKey(),
  deliveredAt: timestamp("delivered_at")
    .notNull()
    .$defaultFn(() => new Date()),
});

/**
 * Mail the provider refused through every retry, taken off the dead-letter queue so it is
 * not lost: an operator can read and resend it. Dropped by housekeeping after 7 days.
 */
export const mailDeadLetter = sqliteTable("mail_dead_letter", {
  mailId: text("mail_id").primaryKey(),
  recipient: text("recipient").notNull(),
  subject: text("subject").notNull(),
  body: text("body").notNull(),
  attempts: integer("attempts").notNull(),
  createdAt: createdAt(),
});
