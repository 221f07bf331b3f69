import { createExecutionContext, env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { app } from "../../src/index";
import { ORIGIN, randomIp } from "../fixtures";

const listRequest = () =>
  new Request(`${ORIGIN}/rpc/devMailbox/list`, {
    method: "POST",
    headers: { "content-type": "application/json", "cf-connecting-ip": randomIp() },
    body: "{}",
  });

describe("the dev mailbox", () => {
  it("answers where mail goes to it (local runs)", async () => {
    expect((await SELF.fetch(listRequest())).status).toBe(200);
  });

  it("does not exist with production's mail settings: nobody reads others' mail there", async () => {
    const production = { ...env, MAIL_TRANSPORT: "resend" };
    const response = await app.fetch(listRequest(), production, createExecutionContext());
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ json: { code: "NOT_FOUND" } });
  });
});
