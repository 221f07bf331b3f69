import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { ORIGIN } from "../fixtures";
import { expectProblem } from "./helpers";

const report = (headers: Record<string, string>) =>
  SELF.fetch(`${ORIGIN}/api/log/frontend-error`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: ORIGIN, ...headers },
    body: JSON.stringify({ message: "client address test", url: ORIGIN }),
  });

const LOG_LIMIT = 20;

describe("the client address that rate limits count by", () => {
  it("when missing, is refused instead of pooled into one bucket anyone could drain", async () => {
    await expectProblem(await report({}), 400);
    const rpcCall = await SELF.fetch(`${ORIGIN}/rpc/healthCheck`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    await expectProblem(rpcCall, 400);
    const auth = await SELF.fetch(`${ORIGIN}/api/auth/get-session`);
    await expectProblem(auth, 400);
  });

  it("groups IPv6 addresses by /64, so one host cannot take a fresh address per request", async () => {
    const prefix = "2001:db8:7:42";
    let refused: Response | undefined;
    // The binding counts in 60 s windows; two windows' worth always meets the limit.
    for (let i = 1; i <= 2 * LOG_LIMIT + 1 && !refused; i++) {
      const response = await report({ "cf-connecting-ip": `${prefix}::${i.toString(16)}` });
      if (response.status === 429) refused = response;
    }
    if (!refused) throw new Error("addresses in one /64 were never limited together");
    await expectProblem(refused, 429);
    // The neighbouring /64 is someone else.
    expect((await report({ "cf-connecting-ip": "2001:db8:7:43::1" })).status).toBe(202);
  });
});
