import { WorkflowEntrypoint, type WorkflowEvent, type WorkflowStep } from "cloudflare:workers";
import { NonRetryableError } from "cloudflare:workflows";
import type { ReminderParams } from "@checkmark/api";
import { writeLog } from "../log";

/**
 * One event's reminder (docs/decisions/064): sleeps until it is due, then queues the mail. The
 * step re-reads the event and sends only while the event's reminder row still names this
 * instance at the time the owner's setting gives, so a moved, deleted or turned-off reminder
 * mails nothing even if terminating this instance failed, and only within the owner's daily
 * reminder mail budget (docs/decisions/133). The mail's id is the instance's: a retried step queues the same
 * mail again and the queue's consumer delivers it once (docs/decisions/060).
 */
export class EventReminderWorkflow extends WorkflowEntrypoint<Env, ReminderParams> {
  override async run(event: WorkflowEvent<ReminderParams>, step: WorkflowStep) {
    // Imported here, not at the top: the class is exported by the Worker's entry, and the API
    // and Drizzle are not evaluated at startup (ADR 090).
    const [{ dueReminderMail, reminderParamsSchema }, { createDb }] = await Promise.all([
      import("@checkmark/api"),
      import("@checkmark/db"),
    ]);
    const parsed = reminderParamsSchema.safeParse(event.payload);
    if (!parsed.success) {
      // Retrying cannot fix the parameters it was created with.
      throw new NonRetryableError(
        `reminder parameters are not valid: ${parsed.error.issues.map((i) => i.path.join(".")).join(", ")}`,
      );
    }
    const params = parsed.data;
    await step.sleepUntil("until the reminder is due", new Date(params.remindAt));
    const outcome = await step.do(
      "queue the reminder mail",
      { retries: { limit: 5, delay: "10 seconds", backoff: "exponential" }, timeout: "1 minute" },
      async () => {
        // Counts against the owner's daily reminder mails (ADR 133), once per instance however
        // often the step retries.
        const decision = await dueReminderMail(createDb(this.env.DB), params, event.instanceId);
        if (decision.outcome === "queued") {
          await this.env.MAIL_QUEUE.send(decision.mail, { contentType: "json" });
        }
        return decision.outcome;
      },
    );
    writeLog({ event: "reminder", instanceId: event.instanceId, outcome });
    return outcome;
  }
}
