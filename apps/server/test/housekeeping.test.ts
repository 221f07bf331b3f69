import {
  createExecutionContext,
  createScheduledController,
  env,
  waitOnExecutionContext,
} from "cloudflare:test";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { runHousekeeping } from "../src/housekeeping";
import { AUDIT_LOG_MAX_AGE_MS, FRONTEND_ERROR_MAX_ROWS } from "../src/housekeeping/retention";
import worker from "../src/index";

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The hourly cron firing now, as Cloudflare would call it; resolves when its work is done. */
async function runCron(scheduledTime: number, workerEnv: Env = env) {
  const ctx = createExecutionContext();
  await worker.scheduled(
    createScheduledController({ scheduledTime, cron: "0 * * * *" }),
    workerEnv,
    ctx,
  );
  await waitOnExecutionContext(ctx);
}

const run = (sql: string, ...values: unknown[]) =>
  env.DB.prepare(sql)
    .bind(...values)
    .run();

const ids = async (table: string) =>
  (await env.DB.prepare(`SELECT id FROM ${table} ORDER BY id`).all<{ id: string }>()).results.map(
    (row) => row.id,
  );

function seedUser(id: string, { verified, createdAt }: { verified: boolean; createdAt: number }) {
  return run(
    "INSERT INTO user (id, name, email, email_verified, created_at, updated_at) VALUES (?, 'Seeded', ?, ?, ?, ?)",
    id,
    `${id}@example.com`,
    verified ? 1 : 0,
    createdAt,
    createdAt,
  );
}

function seedAccount(id: string, userId: string, createdAt: number) {
  return run(
    "INSERT INTO account (id, account_id, provider_id, user_id, password, created_at, updated_at) VALUES (?, ?, 'credential', ?, 'hash', ?, ?)",
    id,
    userId,
    userId,
    createdAt,
    createdAt,
  );
}

function seedSession(id: string, userId: string, expiresAt: number) {
  return run(
    "INSERT INTO session (id, expires_at, token, user_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
    id,
    expiresAt,
    `token-${id}`,
    userId,
    expiresAt - 7 * DAY,
    expiresAt - 7 * DAY,
  );
}

function seedVerification(id: string, expiresAt: number) {
  return run(
    "INSERT INTO verification (id, identifier, value, expires_at, created_at, updated_at) VALUES (?, ?, 'value', ?, ?, ?)",
    id,
    `reset-password:${id}`,
    expiresAt,
    expiresAt - HOUR,
    expiresAt - HOUR,
  );
}

function seedRateLimit(id: string, lastRequest: number) {
  return run(
    "INSERT INTO rate_limit (id, key, count, last_request) VALUES (?, ?, 3, ?)",
    id,
    `192.0.2.1|/${id}`,
    lastRequest,
  );
}

function seedMail(id: string, createdAt: number) {
  return run(
    "INSERT INTO dev_mail (id, recipient, subject, body, created_at) VALUES (?, 'someone@example.com', 'Subject', 'Body', ?)",
    id,
    createdAt,
  );
}

function seedError(id: string, { firstSeen, lastSeen }: { firstSeen: number; lastSeen: number }) {
  return run(
    "INSERT INTO frontend_error (id, fingerprint, message, url, request_id, count, created_at, last_seen_at) VALUES (?, ?, 'Seeded error', 'http://localhost:3001/', 'req', 1, ?, ?)",
    id,
    `fingerprint-${id}`,
    firstSeen,
    lastSeen,
  );
}

/** `n` browser errors in one statement, last seen 1..n seconds before `now` (e-0001 newest). */
function seedErrors(n: number, now: number) {
  return run(
    `WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < ?)
     INSERT INTO frontend_error (id, fingerprint, message, url, request_id, count, created_at, last_seen_at)
     SELECT printf('e-%04d', n), printf('fp-%04d', n), 'Seeded error', 'http://localhost:3001/', 'req', 1,
            ? - n * 1000, ? - n * 1000
     FROM i`,
    n,
    now,
    now,
  );
}

/** The JSON lines the handler wrote through `spy`. */
function logLines(spy: { mock: { calls: unknown[][] } }) {
  return spy.mock.calls
    .map((args) => String(args[0]))
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

// Storage is shared by the tests of this file: each starts from empty tables.
beforeEach(async () => {
  await env.DB.batch(
    ["frontend_error", "dev_mail", "session", "verification", "rate_limit", "account", "user"].map(
      (table) => env.DB.prepare(`DELETE FROM ${table}`),
    ),
  );
});

afterEach(() => vi.restoreAllMocks());

describe("the hourly housekeeping cron", () => {
  it("removes what is past its time and keeps everything else", async () => {
    const now = Date.now();
    await seedUser("confirmed-old", { verified: true, createdAt: now - 90 * DAY });
    await seedUser("unconfirmed-old", { verified: false, createdAt: now - 25 * HOUR });
    await seedAccount("account-of-unconfirmed-old", "unconfirmed-old", now - 25 * HOUR);
    await seedUser("unconfirmed-fresh", { verified: false, createdAt: now - 23 * HOUR });
    await seedSession("session-expired", "confirmed-old", now - MINUTE);
    await seedSession("session-live", "confirmed-old", now + HOUR);
    await seedVerification("verification-expired", now - MINUTE);
    await seedVerification("verification-live", now + HOUR);
    // The longest Better Auth window is 5 minutes (reset and confirmation mails).
    await seedRateLimit("limit-idle-6-min", now - 6 * MINUTE);
    await seedRateLimit("limit-idle-4-min", now - 4 * MINUTE);
    await seedMail("mail-8-days", now - 8 * DAY);
    await seedMail("mail-6-days", now - 6 * DAY);
    await seedError("error-last-seen-31-days", {
      firstSeen: now - 60 * DAY,
      lastSeen: now - 31 * DAY,
    });
    // First seen long ago, but still happening: kept.
    await seedError("error-last-seen-29-days", {
      firstSeen: now - 60 * DAY,
      lastSeen: now - 29 * DAY,
    });

    await runCron(now);

    expect(await ids("user")).toEqual(["confirmed-old", "unconfirmed-fresh"]);
    expect(await ids("account")).toEqual([]);
    expect(await ids("session")).toEqual(["session-live"]);
    expect(await ids("verification")).toEqual(["verification-live"]);
    expect(await ids("rate_limit")).toEqual(["limit-idle-4-min"]);
    expect(await ids("dev_mail")).toEqual(["mail-6-days"]);
    expect(await ids("frontend_error")).toEqual(["error-last-seen-29-days"]);
  });

  it("purges cleared todos once their undo has run out, and no other todo", async () => {
    const now = Date.now();
    await seedUser("owner", { verified: true, createdAt: now - 90 * DAY });
    const todo = (id: string, deletedAt: number | null) =>
      run(
        "INSERT INTO todo (id, text, completed, user_id, created_at, updated_at, deleted_at) VALUES (?, 'text', 1, 'owner', ?, ?, ?)",
        id,
        now - 30 * DAY,
        now - 30 * DAY,
        deletedAt,
      );
    await todo("cleared-25-hours-ago", now - 25 * HOUR);
    await todo("cleared-23-hours-ago", now - 23 * HOUR);
    await todo("not-cleared", null);

    await runCron(now);

    expect(await ids("todo")).toEqual(["cleared-23-hours-ago", "not-cleared"]);
  });

  it("forgets mail delivery records and undeliverable mail after 7 days", async () => {
    const now = Date.now();
    await run("DELETE FROM mail_delivery");
    await run("DELETE FROM mail_dead_letter");
    for (const [id, age] of [
      ["delivered-8-days", 8 * DAY],
      ["delivered-6-days", 6 * DAY],
    ] as const) {
      await run("INSERT INTO mail_delivery (mail_id, delivered_at) VALUES (?, ?)", id, now - age);
    }
    for (const [id, age] of [
      ["dead-8-days", 8 * DAY],
      ["dead-6-days", 6 * DAY],
    ] as const) {
      await run(
        "INSERT INTO mail_dead_letter (mail_id, recipient, subject, body, attempts, created_at) VALUES (?, 'a@example.com', 'S', 'B', 11, ?)",
        id,
        now - age,
      );
    }

    await runCron(now);

    const left = (table: string) =>
      env.DB.prepare(`SELECT mail_id FROM ${table}`)
        .all<{ mail_id: string }>()
        .then((r) => r.results.map((row) => row.mail_id));
    expect(await left("mail_delivery")).toEqual(["delivered-6-days"]);
    expect(await left("mail_dead_letter")).toEqual(["dead-6-days"]);
  });

  /**
   * An empty bucket, then `owner` with one todo: a row and an object for each of `kept`, an
   * object only for each of `orphans`. Answers the bucket's keys, sorted, when called.
   */
  async function bucketOf(owner: string, kept: string[], orphans: string[], now: number) {
    const leftover = await env.FILES.list({ prefix: "attachments/" });
    if (leftover.objects.length) await env.FILES.delete(leftover.objects.map((o) => o.key));
    await seedUser(owner, { verified: true, createdAt: now });
    await run(
      "INSERT INTO todo (id, text, completed, user_id, created_at, updated_at) VALUES (?, 'T', 0, ?, ?, ?)",
      `todo-${owner}`,
      owner,
      now,
      now,
    );
    for (const key of kept) {
      await run(
        "INSERT INTO attachment (id, user_id, todo_id, object_key, name, content_type, size, created_at) VALUES (?, ?, ?, ?, 'k.png', 'image/png', 3, ?)",
        `${owner}-${key}`,
        owner,
        `todo-${owner}`,
        `attachments/${owner}/${key}`,
        now,
      );
    }
    for (const key of [...kept, ...orphans])
      await env.FILES.put(`attachments/${owner}/${key}`, "abc");
    return async () =>
      (await env.FILES.list({ prefix: "attachments/" })).objects.map((o) => o.key).sort();
  }

  it("removes R2 files no attachment points to, page by page, and leaves new uploads alone", async () => {
    const now = Date.now();
    const keys = await bucketOf("file-owner", ["kept"], ["orphan-1", "orphan-2", "orphan-3"], now);

    // Just uploaded: maybe its row is still being written.
    await runHousekeeping(env, new Date(now), { batchSize: 2 });
    expect(await keys()).toHaveLength(4);

    const logs = vi.spyOn(console, "log");
    await runHousekeeping(env, new Date(now + 2 * HOUR), { batchSize: 2 });
    expect(await keys()).toEqual(["attachments/file-owner/kept"]);
    expect(logLines(logs)).toContainEqual(
      expect.objectContaining({ job: "files-orphaned", deleted: 3, batches: 2, done: true }),
    );
  });

  it("sweeps a bucket larger than one run's pages: each run goes on where the last stopped", async () => {
    const now = Date.now();
    // Kept files sort first and fill a whole run's listing; the orphans come after them.
    const keys = await bucketOf(
      "big-bucket",
      ["a-kept-1", "a-kept-2"],
      ["z-orphan-1", "z-orphan-2"],
      now,
    );
    const later = new Date(now + 2 * HOUR);

    await runHousekeeping(env, later, { batchSize: 2, maxBatches: 1 });
    expect(await keys()).toHaveLength(4);
    await runHousekeeping(env, later, { batchSize: 2, maxBatches: 1 });
    expect(await keys()).toEqual([
      "attachments/big-bucket/a-kept-1",
      "attachments/big-bucket/a-kept-2",
    ]);
  });

  it("logs one line per job with counts only", async () => {
    const now = Date.now();
    await seedUser("unconfirmed-old", { verified: false, createdAt: now - 2 * DAY });
    await seedMail("mail-old", now - 30 * DAY);
    const logs = vi.spyOn(console, "log");

    await runCron(now);

    const lines = logLines(logs).filter((line) => line.event === "housekeeping");
    expect(lines.map((line) => line.job)).toEqual([
      "frontend-error-stale",
      "frontend-error-over-cap",
      "dev-mail-old",
      "mail-delivery-old",
      "mail-dead-letter-old",
      "session-expired",
      "verification-expired",
      "rate-limit-idle",
      "todo-deleted",
      "user-unconfirmed",
      "audit-log-old",
      "files-orphaned",
      "reminders-top-up",
    ]);
    expect(lines).toContainEqual(
      expect.objectContaining({ job: "dev-mail-old", deleted: 1, batches: 1, done: true }),
    );
    expect(lines).toContainEqual(expect.objectContaining({ job: "user-unconfirmed", deleted: 1 }));
    expect(JSON.stringify(lines)).not.toMatch(/example\.com|Subject|Body/);
  });

  it(`keeps the newest ${FRONTEND_ERROR_MAX_ROWS} browser errors when there are more`, async () => {
    const now = Date.now();
    await seedErrors(FRONTEND_ERROR_MAX_ROWS + 5, now);

    await runCron(now);

    const kept = await ids("frontend_error");
    expect(kept).toHaveLength(FRONTEND_ERROR_MAX_ROWS);
    expect(kept.at(0)).toBe("e-0001");
    expect(kept.at(-1)).toBe(`e-${String(FRONTEND_ERROR_MAX_ROWS).padStart(4, "0")}`);
  });

  it("caps browser errors by last sight, not first", async () => {
    const now = Date.now();
    await seedError("old-but-recurring", { firstSeen: now - 20 * DAY, lastSeen: now - MINUTE });
    await seedError("new-once", { firstSeen: now - HOUR, lastSeen: now - HOUR });
    await seedError("older-once", { firstSeen: now - 2 * HOUR, lastSeen: now - 2 * HOUR });

    await runHousekeeping(env, new Date(now), { frontendErrorMaxRows: 2 });

    expect(await ids("frontend_error")).toEqual(["new-once", "old-but-recurring"]);
  });

  it("deletes in batches until a batch comes back short", async () => {
    const now = Date.now();
    for (let i = 0; i < 7; i++) await seedMail(`mail-${i}`, now - 10 * DAY);
    await seedMail("mail-fresh", now);
    const logs = vi.spyOn(console, "log");

    await runHousekeeping(env, new Date(now), { batchSize: 2 });

    expect(await ids("dev_mail")).toEqual(["mail-fresh"]);
    expect(logLines(logs)).toContainEqual(
      expect.objectContaining({ job: "dev-mail-old", deleted: 7, batches: 4, done: true }),
    );
  });

  it("stops after its batches per run and leaves the rest for the next run", async () => {
    const now = Date.now();
    for (let i = 0; i < 7; i++) await seedMail(`mail-${i}`, now - 10 * DAY);
    const logs = vi.spyOn(console, "log");

    await runHousekeeping(env, new Date(now), { batchSize: 2, maxBatches: 2 });
    expect(await ids("dev_mail")).toHaveLength(3);
    expect(logLines(logs)).toContainEqual(
      expect.objectContaining({ job: "dev-mail-old", deleted: 4, batches: 2, done: false }),
    );

    await runHousekeeping(env, new Date(now), { batchSize: 2, maxBatches: 2 });
    expect(await ids("dev_mail")).toEqual([]);
  });

  it("logs a failing job and still runs the others", async () => {
    const now = Date.now();
    await seedMail("mail-old", now - 30 * DAY);
    await seedUser("someone", { verified: true, createdAt: now - DAY });
    await seedSession("session-expired", "someone", now - MINUTE);
    // D1 failing every statement on dev_mail, as it does with SQL in the message.
    const failing = () => Promise.reject(new Error("D1_ERROR: no such table: dev_mail"));
    const broken = { bind: () => broken, all: failing, first: failing, run: failing, raw: failing };
    const db = new Proxy(env.DB, {
      get(target, property) {
        if (property === "prepare") {
          return (sql: string) => (sql.includes('"dev_mail"') ? broken : target.prepare(sql));
        }
        const value = Reflect.get(target, property);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const logs = vi.spyOn(console, "log");

    await runCron(now, { ...env, DB: db });

    expect(logLines(errors)).toContainEqual(
      expect.objectContaining({
        event: "housekeeping-failed",
        job: "dev-mail-old",
        causes: [expect.stringContaining("no such table: dev_mail")],
      }),
    );
    expect(await ids("dev_mail")).toEqual(["mail-old"]);
    expect(await ids("session")).toEqual([]);
    expect(logLines(logs).filter((line) => line.event === "housekeeping")).toHaveLength(12);
  });
});

describe("audit log retention", () => {
  function seedAudit(id: string, createdAt: number) {
    return run(
      "INSERT INTO audit_log (id, actor_id, actor_email, action, target_type, target_id, request_id, created_at) VALUES (?, 'admin', 'admin@example.com', 'user.ban', 'user', 'target', 'req', ?)",
      id,
      createdAt,
    );
  }

  it("drops entries past the retention and keeps the rest; nothing can edit or delete a young one", async () => {
    expect(AUDIT_LOG_MAX_AGE_MS).toBeGreaterThanOrEqual(30 * DAY);
    const now = Date.now();
    await seedAudit("audit-past-retention", now - AUDIT_LOG_MAX_AGE_MS - DAY);
    await seedAudit("audit-10-days", now - 10 * DAY);

    await runCron(now);

    expect(await ids("audit_log")).toEqual(["audit-10-days"]);
    await expect(
      run("UPDATE audit_log SET action = 'x' WHERE id = 'audit-10-days'"),
    ).rejects.toThrow(/append-only/);
    await expect(run("DELETE FROM audit_log WHERE id = 'audit-10-days'")).rejects.toThrow(
      /at least 30 days/,
    );
    expect(await ids("audit_log")).toEqual(["audit-10-days"]);
  });
});
