import { createExecutionContext, createMessageBatch, env, getQueueResult } from "cloudflare:test";
import type { OutgoingMail } from "@checkmark/auth";
import { afterEach, describe, expect, it, vi } from "vitest";
import worker, { app } from "../src/index";
import { ORIGIN, randomIp, uniqueEmail } from "./fixtures";

const resendEnv = {
  ...env,
  MAIL_TRANSPORT: "resend",
  RESEND_API_KEY: "re_test_key",
  MAIL_FROM: "Checkmark <no-reply@example.com>",
};

function mail(overrides: Partial<OutgoingMail> = {}): OutgoingMail {
  return {
    id: crypto.randomUUID(),
    to: uniqueEmail("queued"),
    subject: "Hello from the queue",
    body: "A body",
    ...overrides,
  };
}

/** Hands `body` to the Worker's queue handler as delivery number `attempts`. */
async function consume(body: unknown, { attempts = 1, queue = "checkmark-mail", on = env } = {}) {
  const batch = createMessageBatch(queue, [
    { id: crypto.randomUUID(), timestamp: new Date(), attempts, body },
  ]);
  const [message] = batch.messages;
  if (!message) throw new Error("empty batch");
  const retry = vi.spyOn(message, "retry");
  const ctx = createExecutionContext();
  await worker.queue(batch, on as Env, ctx);
  return { retry, result: await getQueueResult(batch, ctx) };
}

const providerAnswers = (status: number) =>
  vi.spyOn(globalThis, "fetch").mockImplementation(async () => new Response("{}", { status }));

const delivered = (mailId: string) =>
  env.DB.prepare("SELECT COUNT(*) AS n FROM mail_delivery WHERE mail_id = ?")
    .bind(mailId)
    .first<number>("n");

afterEach(() => vi.restoreAllMocks());

describe("outgoing mail queue", () => {
  it("answers a sign-up while the mail provider is down; the mail is retried with backoff and then sent", async () => {
    const queued: OutgoingMail[] = [];
    const capture = { send: async (body: OutgoingMail) => void queued.push(body) };
    const fetchSpy = providerAnswers(503);

    const email = uniqueEmail("provider-down");
    const response = await app.fetch(
      new Request(`${ORIGIN}/api/auth/sign-up/email`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          origin: ORIGIN,
          "cf-connecting-ip": randomIp(),
        },
        body: JSON.stringify({ name: "Down", email, password: "a long enough password" }),
      }),
      { ...resendEnv, MAIL_QUEUE: capture },
      createExecutionContext(),
    );
    expect(response.status).toBe(200);
    const [confirmation] = await vi.waitFor(() => {
      expect(queued).toHaveLength(1);
      return queued;
    });
    expect(confirmation?.to).toBe(email);
    // The request itself never called the provider.
    expect(fetchSpy).not.toHaveBeenCalled();

    const first = await consume(confirmation, { on: resendEnv });
    expect(first.retry).toHaveBeenCalledWith({ delaySeconds: 30 });
    const third = await consume(confirmation, { attempts: 3, on: resendEnv });
    expect(third.retry).toHaveBeenCalledWith({ delaySeconds: 120 });
    expect(await delivered(confirmation?.id ?? "")).toBe(0);

    fetchSpy.mockImplementation(async () => new Response("{}", { status: 200 }));
    const fourth = await consume(confirmation, { attempts: 4, on: resendEnv });
    expect(fourth.retry).not.toHaveBeenCalled();
    expect(fourth.result.explicitAcks).toHaveLength(1);
    expect(await delivered(confirmation?.id ?? "")).toBe(1);
    const [, init] = fetchSpy.mock.calls.at(-1) ?? [];
    expect(new Headers(init?.headers).get("idempotency-key")).toBe(confirmation?.id);
  });

  it("sends a redelivered message only once", async () => {
    const fetchSpy = providerAnswers(200);
    const message = mail();
    await consume(message, { on: resendEnv });
    const again = await consume(message, { attempts: 2, on: resendEnv });
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    expect(again.result.explicitAcks).toHaveLength(1);
  });

  it("puts a redelivered message in the dev mailbox once", async () => {
    const message = mail();
    await consume(message);
    await consume(message, { attempts: 2 });
    const rows = await env.DB.prepare("SELECT subject FROM dev_mail WHERE recipient = ?")
      .bind(message.to)
      .all();
    expect(rows.results).toEqual([{ subject: message.subject }]);
  });

  it("delivers mail queued through the real local queue to the dev mailbox", async () => {
    const message = mail();
    await env.MAIL_QUEUE.send(message);
    await vi.waitFor(
      async () => {
        expect(await delivered(message.id)).toBe(1);
      },
      { timeout: 5_000, interval: 50 },
    );
  });

  it("keeps a mail that failed every retry when it reaches the dead-letter queue", async () => {
    providerAnswers(500);
    const message = mail();
    const last = await consume(message, { attempts: 10, on: resendEnv });
    // After max_retries the queue moves a retried message to checkmark-mail-dlq.
    expect(last.retry).toHaveBeenCalledWith({ delaySeconds: 3600 });

    const dead = await consume(message, { attempts: 1, queue: "checkmark-mail-dlq" });
    expect(dead.result.explicitAcks).toHaveLength(1);
    const row = await env.DB.prepare(
      "SELECT recipient, subject, body FROM mail_dead_letter WHERE mail_id = ?",
    )
      .bind(message.id)
      .first();
    expect(row).toEqual({ recipient: message.to, subject: message.subject, body: message.body });
    expect(await delivered(message.id)).toBe(0);
  });

  it("retries a malformed message instead of dropping it, so it reaches the dead-letter queue", async () => {
    const { retry } = await consume({ not: "a mail" });
    expect(retry).toHaveBeenCalledOnce();
  });
});
