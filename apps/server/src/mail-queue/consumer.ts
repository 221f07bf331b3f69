import { createMailTransport, type OutgoingMail } from "@checkmark/auth";
import { createDb, schema } from "@checkmark/db";
import { eq } from "drizzle-orm";
import { errorFields, writeLog } from "../log";
import { retryDelaySeconds } from "./backoff";

/** True for a message that looks like what `queueMailer` sends; anything else cannot be delivered. */
function isOutgoingMail(body: unknown): body is OutgoingMail {
  if (!body || typeof body !== "object") return false;
  const mail = body as Record<string, unknown>;
  return ["id", "to", "subject", "body"].every((key) => typeof mail[key] === "string");
}

/**
 * Delivers each message on its own: one failing mail is retried with backoff while the rest
 * of the batch is acknowledged (a thrown handler would redeliver the whole batch). After
 * `max_retries` the queue moves it to the dead-letter queue. The delivery record makes a
 * redelivered message a no-op; the id also goes to the provider as its idempotency key.
 */
export async function deliverMailBatch(batch: MessageBatch<unknown>, env: Env) {
  const db = createDb(env.DB);
  const transport = createMailTransport(env, db);
  for (const message of batch.messages) {
    const mail = message.body;
    if (!isOutgoingMail(mail)) {
      writeLog({ event: "mail-malformed", messageId: message.id }, "error");
      message.retry({ delaySeconds: retryDelaySeconds(message.attempts) });
      continue;
    }
    try {
      const [delivered] = await db
        .select({ mailId: schema.mailDelivery.mailId })
        .from(schema.mailDelivery)
        .where(eq(schema.mailDelivery.mailId, mail.id));
      if (delivered) {
        writeLog({ event: "mail-duplicate", mailId: mail.id });
      } else {
        await transport.deliver(mail);
        await db.insert(schema.mailDelivery).values({ mailId: mail.id }).onConflictDoNothing();
        writeLog({ event: "mail-delivered", mailId: mail.id, attempts: message.attempts });
      }
      message.ack();
    } catch (error) {
      const delaySeconds = retryDelaySeconds(message.attempts);
      writeLog(
        {
          event: "mail-retry",
          mailId: mail.id,
          attempts: message.attempts,
          delaySeconds,
          ...errorFields(error),
        },
        "error",
      );
      message.retry({ delaySeconds });
    }
  }
}

/**
 * The dead-letter queue's consumer: mail that failed every retry is kept in D1 (never lost)
 * for an operator to read and resend, and logged by id only.
 */
export async function keepDeadMail(batch: MessageBatch<unknown>, env: Env) {
  const db = createDb(env.DB);
  for (const message of batch.messages) {
    const mail = message.body;
    try {
      const row = isOutgoingMail(mail)
        ? mail
        : { id: message.id, to: "", subject: "(malformed message)", body: JSON.stringify(mail) };
      await db
        .insert(schema.mailDeadLetter)
        .values({
          mailId: row.id,
          recipient: row.to,
          subject: row.subject,
          body: row.body,
          attempts: message.attempts,
        })
        .onConflictDoNothing();
      writeLog({ event: "mail-dead-letter", mailId: row.id }, "error");
      message.ack();
    } catch (error) {
      writeLog(
        { event: "mail-dead-letter-failed", messageId: message.id, ...errorFields(error) },
        "error",
      );
      message.retry({ delaySeconds: retryDelaySeconds(message.attempts) });
    }
  }
}

/** The Worker's `queue` handler: the mail queue, or its dead-letter queue (named `*-dlq`). */
export const queue: ExportedHandlerQueueHandler<Env> = async (batch, env) => {
  if (batch.queue.endsWith("-dlq")) await keepDeadMail(batch, env);
  else await deliverMailBatch(batch, env);
};
