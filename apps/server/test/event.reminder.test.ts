import { env, introspectWorkflow, introspectWorkflowInstance } from "cloudflare:test";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { topUpEventReminders } from "../src/housekeeping";
import { signedInClient } from "./fixtures";

// Event reminders (docs/decisions/064): a Workflow instance per upcoming event sleeps until
// N minutes before its start, then queues the mail. Sleeps are skipped where a test wants the
// mail; elsewhere instances stay asleep and the test looks at what scheduling did.

const MINUTE = 60_000;
type Me = Awaited<ReturnType<typeof signedInClient>>;
let me: Me;

/** A wall-clock time in UTC, `ms` from now, as the event form sends it. */
const inUtc = (ms: number) => new Date(Date.now() + ms).toISOString().slice(0, 16);

function meeting(startIn: number, title = "Standup") {
  return {
    title,
    allDay: false,
    timeZone: "UTC",
    start: inUtc(startIn),
    end: inUtc(startIn + 30 * MINUTE),
  };
}

function reminderRow(eventId: string) {
  return env.DB.prepare("SELECT instance_id, remind_at FROM event_reminder WHERE event_id = ?")
    .bind(eventId)
    .first<{ instance_id: string; remind_at: number }>();
}

async function instanceStatus(id: string) {
  return (await (await env.EVENT_REMINDER.get(id)).status()).status;
}

function remindersTo(email: string) {
  return env.DB.prepare(
    "SELECT subject, body FROM dev_mail WHERE recipient = ? AND subject LIKE 'Reminder:%'",
  )
    .bind(email)
    .all<{ subject: string; body: string }>()
    .then((result) => result.results);
}

let workflows: Awaited<ReturnType<typeof introspectWorkflow>>;
beforeAll(async () => {
  me = await signedInClient();
  await me.client.reminder.update({ minutesBefore: 15 });
});
beforeEach(async () => {
  workflows = await introspectWorkflow(env.EVENT_REMINDER);
});
afterEach(async () => {
  await workflows.dispose();
});

describe("event reminders", () => {
  it("keeps the user's setting and refuses minutes that are not offered", async () => {
    expect(await me.client.reminder.setting()).toEqual({ minutesBefore: 15 });
    await expect(me.client.reminder.update({ minutesBefore: 7 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await me.client.reminder.setting()).toEqual({ minutesBefore: 15 });
  });

  it("mails a reminder once, through the queue, even when its step is retried", async () => {
    await workflows.modifyAll(async (m) => {
      await m.disableSleeps();
      await m.disableRetryDelays();
      // The first attempt fails, as a queue outage would; the retry sends.
      await m.mockStepError({ name: "queue the reminder mail" }, new Error("queue down"), 1);
    });
    const event = await me.client.event.create(meeting(60 * MINUTE, "Dentist"));
    const row = await reminderRow(event.id);
    expect(row?.remind_at).toBe(event.startsAt.getTime() - 15 * MINUTE);

    const [instance] = await workflows.get();
    if (!instance) throw new Error("no workflow instance was created");
    await instance.waitForStatus("complete");
    expect(await instance.getOutput()).toBe("queued");
    await vi.waitFor(async () => expect(await remindersTo(me.user.email)).toHaveLength(1), {
      timeout: 10_000,
    });
    const [mail] = await remindersTo(me.user.email);
    expect(mail?.subject).toBe("Reminder: Dentist");

    // What a step retried after its send would queue again: the same mail, by the same id.
    const again = {
      id: `reminder-${row?.instance_id}`,
      to: me.user.email,
      subject: "Reminder: Dentist",
      body: "again",
    };
    await env.MAIL_QUEUE.send(again, { contentType: "json" });
    const marker = { id: crypto.randomUUID(), to: me.user.email, subject: "marker", body: "after" };
    await env.MAIL_QUEUE.send(marker, { contentType: "json" });
    await vi.waitFor(
      async () => {
        const seen = await env.DB.prepare("SELECT 1 FROM dev_mail WHERE id = ?")
          .bind(marker.id)
          .first();
        expect(seen).not.toBeNull();
      },
      { timeout: 10_000 },
    );
    expect(await remindersTo(me.user.email)).toHaveLength(1);
  });

  it("reschedules when the event's time changes: old instance ended, new one for the new time", async () => {
    const event = await me.client.event.create(meeting(3 * 60 * MINUTE));
    const before = await reminderRow(event.id);
    if (!before) throw new Error("no reminder scheduled");
    expect(await instanceStatus(before.instance_id)).not.toBe("terminated");

    // A new title alone keeps the same instance.
    await me.client.event.update({
      ...meeting(3 * 60 * MINUTE, "Renamed"),
      start: event.start,
      end: event.end,
      id: event.id,
    });
    expect((await reminderRow(event.id))?.instance_id).toBe(before.instance_id);

    const moved = await me.client.event.update({ ...meeting(5 * 60 * MINUTE), id: event.id });
    const after = await reminderRow(event.id);
    expect(after?.instance_id).not.toBe(before.instance_id);
    expect(after?.remind_at).toBe(moved.startsAt.getTime() - 15 * MINUTE);
    expect(await instanceStatus(before.instance_id)).toBe("terminated");
    expect(await instanceStatus(after?.instance_id ?? "")).not.toBe("terminated");
  });

  it("cancels the reminder when the event is deleted", async () => {
    const event = await me.client.event.create(meeting(2 * 60 * MINUTE));
    const row = await reminderRow(event.id);
    if (!row) throw new Error("no reminder scheduled");
    await me.client.event.delete({ id: event.id });
    expect(await instanceStatus(row.instance_id)).toBe("terminated");
    expect(await reminderRow(event.id)).toBeNull();
  });

  it("schedules nothing for an event starting sooner than the reminder, past, or past the horizon", async () => {
    const soon = await me.client.event.create(meeting(10 * MINUTE));
    const past = await me.client.event.create(meeting(-60 * MINUTE));
    const nextWeek = await me.client.event.create(meeting(7 * 24 * 60 * MINUTE));
    for (const event of [soon, past, nextWeek]) expect(await reminderRow(event.id)).toBeNull();
    expect(await workflows.get()).toHaveLength(0);
  });

  it("turning reminders off ends the pending ones; on again schedules them", async () => {
    const other = await signedInClient();
    await other.client.reminder.update({ minutesBefore: 30 });
    const event = await other.client.event.create(meeting(4 * 60 * MINUTE));
    const row = await reminderRow(event.id);
    if (!row) throw new Error("no reminder scheduled");

    await other.client.reminder.update({ minutesBefore: null });
    await vi.waitFor(async () => expect(await reminderRow(event.id)).toBeNull());
    expect(await instanceStatus(row.instance_id)).toBe("terminated");

    await other.client.reminder.update({ minutesBefore: 60 });
    await vi.waitFor(async () =>
      expect((await reminderRow(event.id))?.remind_at).toBe(event.startsAt.getTime() - 60 * MINUTE),
    );
  });

  it("an instance that is no longer the event's reminder mails nothing", async () => {
    const event = await me.client.event.create(meeting(6 * 60 * MINUTE, "Stale"));
    const id = `stale-${crypto.randomUUID()}`;
    await using instance = await introspectWorkflowInstance(env.EVENT_REMINDER, id);
    await instance.modify(async (m) => {
      await m.disableSleeps();
    });
    await env.EVENT_REMINDER.create({
      id,
      params: { userId: me.userId, eventId: event.id, remindAt: Date.now() + MINUTE },
    });
    await instance.waitForStatus("complete");
    expect(await instance.getOutput()).toBe("not-current");
  });

  it("fails an instance created with parameters that are not valid, without retrying", async () => {
    const id = `invalid-${crypto.randomUUID()}`;
    await using instance = await introspectWorkflowInstance(env.EVENT_REMINDER, id);
    await env.EVENT_REMINDER.create({ id, params: { userId: "", eventId: 42 } as never });
    await instance.waitForStatus("errored");
    expect((await instance.getError()).message).toContain("NonRetryableError");
  });

  it("an import schedules reminders for its events due within the horizon, after the response", async () => {
    const importer = await signedInClient();
    await importer.client.reminder.update({ minutesBefore: 60 });
    const rows = [2, 3, 4].map((hours, i) => ({
      row: i + 1,
      title: `Imported ${hours}`,
      start: new Date(Date.now() + hours * 60 * MINUTE).toISOString().slice(0, 19) + "Z",
      timeZone: "UTC",
    }));
    for await (const _ of await importer.client.event.import({ rows })) {
      // Progress only.
    }
    const scheduled = () =>
      env.DB.prepare("SELECT COUNT(*) AS n FROM event_reminder WHERE user_id = ?")
        .bind(importer.userId)
        .first<number>("n");
    await vi.waitFor(async () => expect(await scheduled()).toBe(3));
  });

  it("the hourly run schedules an event once its reminder comes within the horizon", async () => {
    const event = await me.client.event.create(meeting(30 * 60 * MINUTE, "Far off"));
    expect(await reminderRow(event.id)).toBeNull();
    // Ten hours later, as the cron sees it.
    await topUpEventReminders(env, new Date(Date.now() + 10 * 60 * MINUTE));
    expect((await reminderRow(event.id))?.remind_at).toBe(event.startsAt.getTime() - 15 * MINUTE);
  });
});
