// How cost grows with a user's data (issue 13): one user with 10,000 todos and 2,000 events
// beside one with 50 of each, the same lists measured for both. The lists read one page through
// an index, so they should cost about the same for both users.
//
// Seeding: events through the app's own event.import; the small user's todos through
// todo.create; the large user's 10,000 todos straight into the bench's temporary D1 with
// `wrangler d1 execute --local` while no Worker runs, as rows of exactly the shape todo.create
// writes (UUIDv7 id, millisecond timestamps, live rows), since 10,000 RPCs would take minutes.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { cpuPerCall } from "./cpu.ts";
import { generatedRows, importRows } from "./events.ts";
import { freshState, ROOT } from "./processes.ts";
import { postRpc, rpcCall, type SeededUser, seedUser } from "./seed.ts";

export const LARGE_TODOS = 10_000;
export const LARGE_EVENTS = 2_000;
export const SMALL_ROWS = 50;
const CALLS = 200;
const INSERTS_PER_STATEMENT = 500;

/** The lists compared: the first page of each, as the web app asks for it. */
const LISTS = [
  { name: "todo.list (50)", path: "todo/list", input: { limit: 50 } },
  { name: "todo.list status=active", path: "todo/list", input: { limit: 50, status: "active" } },
  // One todo in ten mentions it: the page fills after about 500 of the large user's rows.
  { name: "todo.list q=groceries", path: "todo/list", input: { limit: 50, q: "groceries" } },
  // Matches one todo: the search has to look at every row of the user.
  { name: "todo.list q=needle (1 match)", path: "todo/list", input: { limit: 50, q: "needle" } },
  { name: "event.list upcoming (50)", path: "event/list", input: { when: "upcoming", limit: 50 } },
] as const;

/** Todo text number `i`: one in ten mentions groceries, one in the whole list a needle. */
const todoText = (i: number) =>
  `Scale todo ${i}${i % 10 === 0 ? " buy groceries" : ""}${i === 7 ? " find the needle" : ""}`;

export interface ScaleUsers {
  small: SeededUser;
  large: SeededUser & { id: string };
}

export interface ScaleRow {
  name: string;
  small: { cpuMs: number; p50Ms: number };
  large: { cpuMs: number; p50Ms: number };
}

async function userId(base: string, cookie: string) {
  const response = await fetch(`${base}/api/auth/get-session`, { headers: { cookie } });
  const session = (await response.json()) as { user?: { id: string } } | null;
  if (!session?.user?.id) throw new Error(`get-session: ${response.status}`);
  return session.user.id;
}

/** Both users, through the app: sign-up, the small user's todos, both users' events. */
export async function seedScaleUsers(base: string): Promise<ScaleUsers> {
  const small = await seedUser(base, 800, 0);
  for (let i = 0; i < SMALL_ROWS; i++) {
    await rpcCall(base, "todo/create", { text: todoText(i) }, small.cookie);
  }
  await importRows(base, small.cookie, generatedRows(SMALL_ROWS, "Small"));
  const large = await seedUser(base, 801, 0);
  await importRows(base, large.cookie, generatedRows(LARGE_EVENTS, "Large"));
  return { small, large: { ...large, id: await userId(base, large.cookie) } };
}

/** A UUIDv7 for millisecond `ms`, as the app's ids are (packages/db/src/schema/owned.ts). */
function uuidv7(ms: number) {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(ms, 0, 6);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Inserts the large user's todos into the D1 state at `state`; no Worker may run on it. A todo
 * a second over the past days, one in three completed, one in five with a due date.
 */
export function insertLargeUsersTodos(state: string, id: string) {
  const first = Date.now() - LARGE_TODOS * 1000;
  const rows = Array.from({ length: LARGE_TODOS }, (_, i) => {
    const at = first + i * 1000;
    const due = i % 5 === 0 ? `'2031-0${1 + (i % 9)}-15'` : "NULL";
    return `('${uuidv7(at)}', '${todoText(i)}', ${i % 3 === 0 ? 1 : 0}, ${due}, '${id}', ${at}, ${at}, NULL)`;
  });
  const statements: string[] = [];
  for (let i = 0; i < rows.length; i += INSERTS_PER_STATEMENT) {
    statements.push(
      `INSERT INTO todo (id, text, completed, due_date, user_id, created_at, updated_at, deleted_at) VALUES\n${rows.slice(i, i + INSERTS_PER_STATEMENT).join(",\n")};`,
    );
  }
  const file = join(freshState("scale-sql"), "todos.sql");
  writeFileSync(file, `${statements.join("\n")}\n`);
  execFileSync(
    "pnpm",
    ["exec", "wrangler", "d1", "execute", "DB", "--local", "--persist-to", state, "--file", file],
    { cwd: join(ROOT, "apps/server"), stdio: ["ignore", "ignore", "pipe"] },
  );
}

/** CPU per call (cheapest round, like every CPU figure) and the p50 of the calls' wall time. */
async function cpuAndLatency(pid: number, send: () => Promise<void>) {
  const times: number[] = [];
  const cpuMs = await cpuPerCall(pid, CALLS, async (i) => {
    const started = performance.now();
    await send();
    if (i >= 0) times.push(performance.now() - started);
  });
  times.sort((a, b) => a - b);
  return { cpuMs, p50Ms: times[times.length >> 1] ?? Number.NaN };
}

/** Every list for both users against the server Worker at `base`, one call at a time. */
export async function measureScale(base: string, pid: number, users: ScaleUsers) {
  const large = (await rpcCall(base, "todo/list", { limit: 50 }, users.large.cookie)) as {
    items: unknown[];
  };
  if (large.items.length !== 50) throw new Error(`large todo.list: ${large.items.length} items`);
  const rows: ScaleRow[] = [];
  for (const list of LISTS) {
    const call = (cookie: string) => async () => {
      await (await postRpc(base, list.path, list.input, cookie)).arrayBuffer();
    };
    rows.push({
      name: list.name,
      small: await cpuAndLatency(pid, call(users.small.cookie)),
      large: await cpuAndLatency(pid, call(users.large.cookie)),
    });
  }
  return rows;
}
