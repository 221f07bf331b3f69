import { env, SELF } from "cloudflare:test";
import { expect } from "vitest";
import { ORIGIN, randomIp } from "../fixtures";

export const countTodos = () => env.DB.prepare("SELECT COUNT(*) AS n FROM todo").first<number>("n");

/** A raw oRPC call, for requests the typed client would never make. */
export function rpcPost(path: string, body: BodyInit, headers: Record<string, string> = {}) {
  return SELF.fetch(`${ORIGIN}/rpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", "cf-connecting-ip": randomIp(), ...headers },
    body,
  });
}

export async function expectProblem(response: Response, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  const body = (await response.json()) as Record<string, unknown>;
  expect(body).toMatchObject({
    type: "about:blank",
    status,
    requestId: response.headers.get("x-request-id"),
  });
  expect(typeof body.title).toBe("string");
  // Nothing from the inside: no stack frames, SQL or library names.
  expect(JSON.stringify(body)).not.toMatch(/at \w+ \(|SQLITE|D1_|better-auth|drizzle/i);
  return body;
}
