import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { ORIGIN, randomIp } from "../fixtures";
import { expectProblem } from "./helpers";

describe("errors outside oRPC", () => {
  it("an unknown path is a 404 problem", async () => {
    await expectProblem(await SELF.fetch("http://localhost:3000/wp-admin"), 404);
  });

  it("an unknown procedure is a 404 problem", async () => {
    const response = await SELF.fetch(`${ORIGIN}/rpc/todo/steal`, {
      method: "POST",
      headers: { "content-type": "application/json", "cf-connecting-ip": randomIp() },
      body: "{}",
    });
    await expectProblem(response, 404);
  });

  it("a wrong method is a 405 problem naming the right one", async () => {
    const response = await SELF.fetch("http://localhost:3000/health", { method: "POST" });
    await expectProblem(response, 405);
    expect(response.headers.get("allow")).toContain("GET");
  });

  it("oRPC errors stay typed for the client (defined, so isDefinedError narrows them)", async () => {
    const response = await SELF.fetch(`${ORIGIN}/rpc/todo/list`, {
      method: "POST",
      headers: { "content-type": "application/json", "cf-connecting-ip": randomIp() },
      body: "{}",
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ json: { code: "UNAUTHORIZED", defined: true } });
  });
});
