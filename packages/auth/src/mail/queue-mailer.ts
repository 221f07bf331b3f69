import type { Mailer, OutgoingMail } from "./mailer";

/**
 * Every mail the app sends goes onto the mail queue with an id of its own; the server
 * Worker's consumer delivers it, retrying with backoff, and records the id so a
 * redelivered message is never sent twice. A provider outage never reaches a request.
 */
export function queueMailer(queue: Queue<OutgoingMail>): Mailer {
  return {
    async send(message) {
      await queue.send({ id: crypto.randomUUID(), ...message }, { contentType: "json" });
    },
  };
}
