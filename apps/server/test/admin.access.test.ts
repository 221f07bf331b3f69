import { SELF } from "cloudflare:test";
import { appRouter } from "@checkmark/api";
import { createApiClient } from "@checkmark/api/client";
import { isProcedure } from "@orpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { ORIGIN, randomIp, rpc, signedInAdmin, signedInClient } from "./fixtures";

/** Every procedure under appRouter.admin, by path, found by walking the router itself. */
function procedurePaths(router: object, prefix: string[] = []): string[][] {
  return Object.entries(router).flatMap(([key, value]) =>
    isProcedure(value)
      ? [[...prefix, key]]
      : typeof value === "object" && value !== null
        ? procedurePaths(value, [...prefix, key])
        : [],
  );
}

const paths = procedurePaths(appRouter.admin, ["admin"]);

type AnyCall = (input?: unknown) => Promise<unknown>;
function call(client: unknown, path: string[]): AnyCall {
  // biome-ignore lint/suspicious/noExplicitAny: the typed client is walked by a path found at run time.
  return path.reduce((node: any, key) => node[key], client) as AnyCall;
}

describe("every admin procedure", () => {
  let userCookie: string;
  let adminsKey: string;
  beforeAll(async () => {
    userCookie = (await signedInClient()).user.cookie;
    const admin = await signedInAdmin();
    adminsKey = (
      await admin.client.apiKey.create({
        name: "admin's script",
        scope: "read-write",
        password: admin.user.password,
      })
    ).key;
  });

  it("is found by walking the router (a new one is covered without editing this test)", () => {
    expect(paths.map((p) => p.join("."))).toEqual(
      expect.arrayContaining(["admin.overview", "admin.users.ban", "admin.audit.list"]),
    );
  });

  it.each(paths.map((p) => [p.join("."), p] as const))(
    "%s refuses anonymous callers with 401, and signed-in non-admins and admins' API keys with 403",
    async (_name, path) => {
      // Valid-looking input where one is needed: the refusal must not depend on bad input.
      const input = {
        userId: "x",
        sessionId: "x",
        role: "user",
        reason: "r",
        email: "a@example.com",
        name: "A",
      };
      await expect(call(rpc(), path)(input)).rejects.toMatchObject({
        code: "UNAUTHORIZED",
        status: 401,
      });
      await expect(call(rpc(userCookie), path)(input)).rejects.toMatchObject({
        code: "FORBIDDEN",
        status: 403,
      });
      // A program holding an admin's key is not the admin in person.
      const program = createApiClient({
        baseUrl: ORIGIN,
        apiKey: adminsKey,
        headers: { "cf-connecting-ip": randomIp() },
        fetch: (request) => SELF.fetch(request),
      });
      await expect(call(program, path)(input)).rejects.toMatchObject({
        code: "FORBIDDEN",
        status: 403,
      });
    },
  );
});
