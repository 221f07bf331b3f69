import { env, introspectWorkflow, introspectWorkflowInstance } from "cloudflare:test";
import {
  REMINDER_MAILS_PER_DAY,
  REMINDER_RESYNCS_PER_HOUR,
  reminderMailIdentifier,
  resyncUserReminders,
  spendReminderMail,
  TOP_UP_PER_USER_PER_RUN,
  topUpReminders,
} from "@checkmark/api";
import { createDb } from "@checkmark/db";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { topUpEventReminders } from "../src/housekeeping";
import { signedInClient } from "./fixtures";
import { recordingD1 } from "./recording-d1";

// What one account can cost everyone else through reminders (docs/decisions/133): its backlog
// cannot take the hourly run, its setting changes cannot create instances without end, and its
// reminder mails per day are counted.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A wall-clock time in UTC, `ms` from now, as the event form sends it. */
const inUtc = (ms: number) => new Date(Date.now() + ms).toISOString().slice(0, 16);
const meeting = (startIn: number, title = "Standup") => ({
  title,
  allDay: false,
  timeZone: "UTC",
  start: inUtc(startIn),
  end: inUtc(startIn + 30 * MINUTE),
});

const remindersOf = (userId: string) =>
  env.DB.prepare("SELECT COUNT(*) AS n FROM event_reminder WHERE user_id = ?")
    .bind(userId)
    .first<number>("n");

let workflows: Awaited<ReturnType<typeof introspectWorkflow>>;
beforeEach(async () => {
  workflows = await introspectWorkflow(env.EVENT_REMINDER);
});
afterEach(async () => {
  await workflows.dispose();
});

describe("the hourly top-up is shared fairly", () => {
  it("schedules another user's reminder although one account has 250 due", async () => {
    const abuser = await signedInClient();
    const victim = await signedInClient();
    await abuser.client.reminder.update({ minutesBefore: 15 });
    await victim.client.reminder.update({ minutesBefore: 15 });
    // 30 h out: no instance at creation; the hourly run must add it once it is within a day.
    const dentist = await victim.client.event.create(meeting(30 * HOUR + 30 * MINUTE, "Dentist"));
    // Starting before the victim's, so "soonest first across everyone" would pick these first.
    const rows = Array.from({ length: 250 }, (_, i) => ({
      row: i + 1,
      title: `Spam ${i}`,
      start: `${new Date(Date.now() + 30 * HOUR + i * 1000).toISOString().slice(0, 19)}Z`,
      timeZone: "UTC",
    }));
    for await (const _ of await abuser.client.event.import({ rows })) {
      // Progress only.
    }
    // The import's own background top-up finds nothing within 24 h.
    await vi.waitFor(async () => expect(await remindersOf(abuser.userId)).toBe(0));

    await topUpEventReminders(env, new Date(Date.now() + 10 * HOUR));

    const row = await env.DB.prepare("SELECT remind_at FROM event_reminder WHERE event_id = ?")
      .bind(dentist.id)
      .first<number>("remind_at");
    expect(row).toBe(dentist.startsAt.getTime() - 15 * MINUTE);
    expect(await remindersOf(abuser.userId)).toBe(TOP_UP_PER_USER_PER_RUN);
  });

  it("finds each user's due events through their (user, start) index", async () => {
    const me = await signedInClient();
    await me.client.reminder.update({ minutesBefore: 15 });
    await me.client.event.create(meeting(30 * HOUR));
    await env.DB.prepare("ANALYZE").run();
    const { db, recorded } = recordingD1();
    // A user with nothing due: only the query runs, nothing is scheduled.
    await topUpReminders({ db: createDb(db), workflow: env.EVENT_REMINDER }, new Date(), {
      limit: 200,
      perUser: TOP_UP_PER_USER_PER_RUN,
    });
    const query = recorded.find((entry) => /row_number\(\) over/i.test(entry.sql));
    if (!query) throw new Error("the top-up query was not run");
    const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${query.sql}`)
      .bind(...query.params)
      .all<{ detail: string }>();
    const plan = results.map((row) => row.detail).join("\n");
    expect(plan).toMatch(
      /SEARCH event USING (COVERING )?INDEX event_user_starts_idx \(user_id=\? AND starts_at>\? AND starts_at<\?\)/,
    );
    expect(plan).not.toMatch(/SCAN event\b/);
    expect(plan).toMatch(/SEARCH event_reminder USING INDEX sqlite_autoindex_event_reminder_1/);
  });
});

describe("setting changes", () => {
  it(`move pending reminders at once ${REMINDER_RESYNCS_PER_HOUR} times an hour, then leave them to the hourly run`, async () => {
    const me = await signedInClient();
    await env.DB.prepare(
      "INSERT INTO reminder_setting (user_id, minutes_before, updated_at) VALUES (?, 15, ?)",
    )
      .bind(me.userId, Date.now())
      .run();
    for (const hours of [2, 3, 4]) await me.client.event.create(meeting(hours * HOUR));
    expect(await remindersOf(me.userId)).toBe(3);
    const created = (await workflows.get()).length;

    // What reminder.update does in the background, called back to back as an attacker would.
    const deps = { db: createDb(env.DB), workflow: env.EVENT_REMINDER };
    const outcomes = [];
    for (let i = 0; i < REMINDER_RESYNCS_PER_HOUR + 5; i++) {
      await env.DB.prepare("UPDATE reminder_setting SET minutes_before = ? WHERE user_id = ?")
        .bind(i % 2 ? 15 : 30, me.userId)
        .run();
      outcomes.push(await resyncUserReminders(deps, me.userId));
    }
    expect(outcomes.filter((outcome) => outcome.deferred)).toHaveLength(5);
    // Each re-sync moved the three reminders; the deferred ones created nothing.
    expect((await workflows.get()).length - created).toBe(3 * REMINDER_RESYNCS_PER_HOUR);
  });

  it("an instance whose time the setting no longer gives mails nothing", async () => {
    const me = await signedInClient();
    await me.client.reminder.update({ minutesBefore: 15 });
    const event = await me.client.event.create(meeting(6 * HOUR, "Moved by the setting"));
    // The setting changes and its re-sync is deferred: the row still names the old time.
    await env.DB.prepare("UPDATE reminder_setting SET minutes_before = 30 WHERE user_id = ?")
      .bind(me.userId)
      .run();
    const id = `deferred-${crypto.randomUUID()}`;
    await env.DB.prepare("UPDATE event_reminder SET instance_id = ? WHERE event_id = ?")
      .bind(id, event.id)
      .run();
    await using instance = await introspectWorkflowInstance(env.EVENT_REMINDER, id);
    await instance.modify(async (m) => {
      await m.disableSleeps();
    });
    await env.EVENT_REMINDER.create({
      id,
      params: {
        userId: me.userId,
        eventId: event.id,
        remindAt: event.startsAt.getTime() - 15 * MINUTE,
      },
    });
    await instance.waitForStatus("complete");
    expect(await instance.getOutput()).toBe("not-current");
  });
});

describe("reminder mails per day", () => {
  it(`mails at most ${REMINDER_MAILS_PER_DAY} a day per account, the last saying so`, async () => {
    const me = await signedInClient();
    await me.client.reminder.update({ minutesBefore: 15 });
    // The day's earlier reminders, as the budget counts them.
    const now = Date.now();
    await env.DB.batch(
      Array.from({ length: REMINDER_MAILS_PER_DAY - 1 }, (_, i) =>
        env.DB.prepare(
          "INSERT INTO verification (id, identifier, value, expires_at, created_at, updated_at) VALUES (?, ?, '', ?, ?, ?)",
        ).bind(
          `earlier-${crypto.randomUUID()}`,
          reminderMailIdentifier(me.userId),
          now + 23 * HOUR + i,
          now,
          now,
        ),
      ),
    );
    await workflows.modifyAll(async (m) => {
      await m.disableSleeps();
    });
    const last = await me.client.event.create(meeting(HOUR, "The last one"));
    const [first] = await workflows.get();
    if (!first) throw new Error("no workflow instance was created");
    await first.waitForStatus("complete");
    expect(await first.getOutput()).toBe("queued");

    await me.client.event.create(meeting(2 * HOUR, "One too many"));
    const second = (await workflows.get())[1];
    if (!second) throw new Error("no second workflow instance was created");
    await second.waitForStatus("complete");
    expect(await second.getOutput()).toBe("over-budget");

    const mails = () =>
      env.DB.prepare(
        "SELECT subject, body FROM dev_mail WHERE recipient = ? AND subject LIKE 'Reminder:%'",
      )
        .bind(me.user.email)
        .all<{ subject: string; body: string }>()
        .then((result) => result.results);
    await vi.waitFor(async () => expect(await mails()).toHaveLength(1), { timeout: 10_000 });
    const [mail] = await mails();
    expect(mail?.subject).toBe(`Reminder: ${last.title}`);
    expect(mail?.body).toContain(`at most ${REMINDER_MAILS_PER_DAY} reminders within 24 hours`);
  });

  it("counts a retried step's mail once", async () => {
    const me = await signedInClient();
    const db = createDb(env.DB);
    const instanceId = `reminder-${crypto.randomUUID()}`;
    const first = await spendReminderMail(db, me.userId, instanceId);
    const retried = await spendReminderMail(db, me.userId, instanceId);
    expect(first).toEqual({ ok: true, remaining: REMINDER_MAILS_PER_DAY - 1 });
    expect(retried).toEqual(first);
    const counted = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM verification WHERE identifier = ?",
    )
      .bind(reminderMailIdentifier(me.userId))
      .first<number>("n");
    expect(counted).toBe(1);
  });
});
