import { createExecutionContext, env } from "cloudflare:test";
import type { AppRouterClient } from "@checkmark/api";
import { createORPCClient } from "@orpc/client";
import { RPCLink } from "@orpc/client/fetch";
import { beforeAll, describe, expect, it } from "vitest";
import { app } from "../src/index";
import { ORIGIN, randomIp, signedInUser } from "./fixtures";
import { type RecordedStatement, recordingD1 } from "./recording-d1";

// How cost grows: every list and count runs as a search in one of the user's indexes, never a
// scan of the table, and never sorts (the index gives the order). Text search filters rows
// while the user's index range is walked: that range is the user's todos, not the table.

/** The app with a D1 that records every statement it prepares, with its parameters. */
function recordingClient(cookie: string) {
  const { db, recorded } = recordingD1();
  const client: AppRouterClient = createORPCClient(
    new RPCLink({
      url: `${ORIGIN}/rpc`,
      headers: { cookie, "cf-connecting-ip": randomIp() },
      fetch: async (request) => app.fetch(request, { ...env, DB: db }, createExecutionContext()),
    }),
  );
  return { client, recorded };
}

/** The query plan of the statement a call ran on `table`. */
async function planOf(recorded: RecordedStatement[], table: "todo" | "event") {
  const statement = recorded.filter((entry) => entry.sql.includes(`from "${table}"`)).at(-1);
  if (!statement) throw new Error(`no query on ${table} was run`);
  const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${statement.sql}`)
    .bind(...statement.params)
    .all<{ detail: string }>();
  return results.map((row) => row.detail);
}

function expectIndexSearch(plan: string[], table: string) {
  const steps = plan.filter((detail) => new RegExp(`^(SEARCH|SCAN) ${table}\\b`).test(detail));
  expect(steps, plan.join("\n")).not.toEqual([]);
  for (const step of steps) {
    expect(step, plan.join("\n")).toMatch(
      new RegExp(`^SEARCH ${table} USING (COVERING )?INDEX \\w+ \\(user_id=\\?`),
    );
  }
  expect(plan.join("\n")).not.toMatch(/USE TEMP B-TREE/);
}

/** Each listed todo's files are counted through the attachments' todo index, not the user's. */
function expectFilesCountedByTodo(plan: string[]) {
  const steps = plan.filter((detail) => /\battachment\b/.test(detail));
  expect(steps, plan.join("\n")).toEqual([
    expect.stringMatching(
      /^SEARCH attachment USING (COVERING )?INDEX attachment_todo_idx \(todo_id=\?\)/,
    ),
  ]);
}

let cookie: string;
beforeAll(async () => {
  const me = await signedInUser();
  cookie = me.cookie;
  // Enough rows (and another user's) that the planner's choices are the ones it makes at scale.
  const other = await signedInUser();
  for (const user of [me, other]) {
    await env.DB.batch(
      Array.from({ length: 40 }, (_, i) =>
        env.DB.prepare(
          "INSERT INTO todo (id, text, completed, due_date, user_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        ).bind(
          crypto.randomUUID(),
          `todo ${i}`,
          i % 2,
          i % 3 ? null : "2031-01-01",
          user.userId,
          i,
          i,
        ),
      ),
    );
  }
  await env.DB.prepare("ANALYZE").run();
});

describe("every list query uses the user's index", () => {
  const sorts = ["newest", "oldest", "due"] as const;
  const statuses = ["all", "active", "completed"] as const;

  for (const status of statuses) {
    for (const sort of sorts) {
      it(`todo.list status=${status} sort=${sort}, first page and after a cursor`, async () => {
        const { client, recorded } = recordingClient(cookie);
        const first = await client.todo.list({ status, sort, limit: 5 });
        const plan = await planOf(recorded, "todo");
        expectIndexSearch(plan, "todo");
        expectFilesCountedByTodo(plan);
        await client.todo.list({ status, sort, limit: 5, cursor: first.nextCursor ?? undefined });
        expectIndexSearch(await planOf(recorded, "todo"), "todo");
      });
    }
  }

  it("todo.list with a text search walks the user's index range", async () => {
    const { client, recorded } = recordingClient(cookie);
    await client.todo.list({ q: "todo 1", status: "active", sort: "due" });
    expectIndexSearch(await planOf(recorded, "todo"), "todo");
  });

  it("todo.counts, with and without a search", async () => {
    const { client, recorded } = recordingClient(cookie);
    await client.todo.counts({});
    expectIndexSearch(await planOf(recorded, "todo"), "todo");
    await client.todo.counts({ q: "todo" });
    expectIndexSearch(await planOf(recorded, "todo"), "todo");
  });

  for (const when of ["upcoming", "past"] as const) {
    it(`event.list ${when}, first page and after a cursor`, async () => {
      const { client, recorded } = recordingClient(cookie);
      const from = new Date("2031-01-01T00:00:00Z");
      const first = await client.event.list({ from, when, limit: 1 });
      expectIndexSearch(await planOf(recorded, "event"), "event");
      await client.event.list({ from, when, limit: 1, cursor: first.nextCursor ?? undefined });
      expectIndexSearch(await planOf(recorded, "event"), "event");
    });
  }
});
