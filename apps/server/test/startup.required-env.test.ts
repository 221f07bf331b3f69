import { env, withEnv } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";

/**
 * Starts the Worker's main module afresh, as workerd does when an isolate starts, with the
 * env that `cloudflare:workers` gives it replaced by `startEnv`.
 */
function startWorker(startEnv: Record<string, unknown>) {
  vi.resetModules();
  return withEnv(startEnv, () => import("../src/index")) as Promise<unknown>;
}

function envWithout(...names: string[]): Record<string, unknown> {
  const rest: Record<string, unknown> = { ...env };
  for (const name of names) delete rest[name];
  return rest;
}

describe("the server Worker at startup", () => {
  it("starts with everything it needs", async () => {
    await expect(startWorker({ ...env })).resolves.toHaveProperty("default.fetch");
  });

  it("refuses to start without BETTER_AUTH_SECRET and says how to set it", async () => {
    await expect(startWorker(envWithout("BETTER_AUTH_SECRET"))).rejects.toThrow(
      /cannot start; missing BETTER_AUTH_SECRET \(secret: `wrangler secret put BETTER_AUTH_SECRET --env <environment>`/,
    );
  });

  it("treats an empty secret as missing", async () => {
    await expect(startWorker({ ...env, BETTER_AUTH_SECRET: "" })).rejects.toThrow(
      /missing BETTER_AUTH_SECRET/,
    );
  });

  it("names every missing binding and secret at once", async () => {
    const error = await startWorker(envWithout("DB", "AUTH_LIMITER", "BETTER_AUTH_SECRET")).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toMatch(/missing 3: /);
    expect(message).toMatch(/DB \(D1 database binding/);
    expect(message).toMatch(/AUTH_LIMITER \(rate limit binding/);
    expect(message).toMatch(/BETTER_AUTH_SECRET \(secret/);
  });

  it("needs RESEND_API_KEY where mail goes through Resend, as in staging and production", async () => {
    const deployed = { ...envWithout("RESEND_API_KEY"), MAIL_TRANSPORT: "resend" };
    await expect(startWorker(deployed)).rejects.toThrow(/missing RESEND_API_KEY \(secret/);
    await expect(startWorker({ ...deployed, RESEND_API_KEY: "re_test" })).resolves.toBeDefined();
  });

  it("needs the public origin once local hosts are not allowed", async () => {
    const deployed = { ...env, AUTH_ALLOWED_HOSTS: "" };
    await expect(startWorker(envWithout("BETTER_AUTH_URL"))).resolves.toBeDefined();
    await expect(startWorker(deployed)).rejects.toThrow(/missing BETTER_AUTH_URL/);
    await expect(
      startWorker({ ...deployed, BETTER_AUTH_URL: "https://checkmark.example.com" }),
    ).resolves.toBeDefined();
  });
});
