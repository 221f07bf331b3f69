import { createExecutionContext, env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import app from "../src/index";
import { ORIGIN, randomIp, recordingLimiter, refusingLimiter, signedInUser } from "./fixtures";
import { expectProblem } from "./security/helpers";

// EXPORT_LIMITER in wrangler.jsonc: 5 exports a minute per user. The binding counts in fixed
// 60 s windows: a burst that straddles a boundary gets a fresh budget, so a refusal is certain
// only within two windows' worth of exports.
const EXPORTS_PER_MINUTE = 5;

const exportRequest = (file: "export.json" | "export.ics", cookie: string) =>
  new Request(`${ORIGIN}/api/account/${file}`, {
    headers: { cookie, "cf-connecting-ip": randomIp() },
  });

describe("account export budget, per user", () => {
  it("refuses exports past a few a minute with 429 and Retry-After; another user still exports", async () => {
    const me = await signedInUser();
    const other = await signedInUser();
    await me.client.todo.create({ text: "Buy milk" });

    let allowed = 0;
    let refused: Response | undefined;
    while (!refused && allowed <= 2 * EXPORTS_PER_MINUTE) {
      // JSON and iCalendar spend the same budget.
      const file = allowed % 2 === 0 ? "export.json" : "export.ics";
      const response = await SELF.fetch(exportRequest(file, me.cookie));
      if (response.status === 429) refused = response;
      else {
        expect(response.status).toBe(200);
        await response.arrayBuffer();
        allowed++;
      }
    }
    expect(allowed).toBeGreaterThanOrEqual(EXPORTS_PER_MINUTE);
    expect(allowed).toBeLessThanOrEqual(2 * EXPORTS_PER_MINUTE);
    if (!refused) throw new Error(`no refusal after ${allowed} exports`);
    const problem = await expectProblem(refused, 429);
    expect(problem.detail).toBe("Too many exports. Wait a minute, then export again.");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.headers.get("content-disposition")).toBeNull();

    const theirs = await SELF.fetch(exportRequest("export.json", other.cookie));
    expect(theirs.status).toBe(200);
    expect(((await theirs.json()) as { profile: { id: string } }).profile.id).toBe(other.userId);
  });

  it("is counted per user under its own key, and stays strict under RATE_LIMIT_TIER=loadtest", async () => {
    const me = await signedInUser();
    const keys: string[] = [];
    const counted = await app.fetch(
      exportRequest("export.ics", me.cookie),
      { ...env, EXPORT_LIMITER: recordingLimiter(keys) },
      createExecutionContext(),
    );
    expect(counted.status).toBe(200);
    await counted.arrayBuffer();
    expect(keys).toEqual([`export:user:${me.userId}`]);

    const refused = await app.fetch(
      exportRequest("export.json", me.cookie),
      { ...env, RATE_LIMIT_TIER: "loadtest", EXPORT_LIMITER: refusingLimiter },
      createExecutionContext(),
    );
    await expectProblem(refused, 429);
  });
});
