import { env, SELF } from "cloudflare:test";
import { appRouter } from "@checkmark/api";
import { createApiClient } from "@checkmark/api/client";
import { isProcedure } from "@orpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { hasRestRoute } from "../src/rest-routes";
import { cookiesFrom, ORIGIN, randomIp, rpc, signedInAdmin, signedInClient } from "./fixtures";

type Procedure = Parameters<typeof hasRestRoute>[0]["contract"];

/** Every procedure under appRouter.admin with its path, found by walking the router itself. */
function proceduresUnder(
  router: object,
  prefix: string[] = [],
): { path: string[]; procedure: Procedure }[] {
  return Object.entries(router).flatMap(([key, value]) =>
    isProcedure(value)
      ? [{ path: [...prefix, key], procedure: value }]
      : typeof value === "object" && value !== null
        ? proceduresUnder(value, [...prefix, key])
        : [],
  );
}

const found = proceduresUnder(appRouter.admin, ["admin"]);
const paths = found.map(({ path }) => path);

/**
 * An admin acting as a user: the cookie of the impersonation session, as the browser holds it
 * once `admin.users.impersonate` answers. The user acted as is then made an admin by hand, so
 * only the impersonation itself can keep the admin procedures closed.
 */
async function impersonationOfAnAdmin() {
  const admin = await signedInAdmin();
  const target = await signedInClient();
  let cookie = "";
  const start = createApiClient({
    baseUrl: ORIGIN,
    headers: { cookie: admin.user.cookie, "cf-connecting-ip": randomIp() },
    fetch: async (request) => {
      const response = await SELF.fetch(request);
      cookie = cookiesFrom(response);
      return response;
    },
  });
  await start.admin.users.impersonate({ userId: target.userId });
  await env.DB.prepare("UPDATE user SET role = 'admin' WHERE id = ?").bind(target.userId).run();
  // The impersonation cookie names the target; the admin's own is kept aside in another cookie.
  expect((await rpc(cookie).account.me())?.impersonator).not.toBeNull();
  return cookie;
}

type AnyCall = (input?: unknown) => Promise<unknown>;
function call(client: unknown, path: string[]): AnyCall {
  // biome-ignore lint/suspicious/noExplicitAny: the typed client is walked by a path found at run time.
  return path.reduce((node: any, key) => node[key], client) as AnyCall;
}

describe("every admin procedure", () => {
  let userCookie: string;
  let adminsKey: string;
  let actingAs: string;
  let admin: Awaited<ReturnType<typeof signedInAdmin>>;
  beforeAll(async () => {
    userCookie = (await signedInClient()).user.cookie;
    actingAs = await impersonationOfAnAdmin();
    admin = await signedInAdmin();
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
      // Acting as a user never carries admin powers, even once that user is an admin.
      await expect(call(rpc(actingAs), path)(input)).rejects.toMatchObject({
        code: "FORBIDDEN",
        status: 403,
        message: "Stop acting as this user to use the admin pages.",
      });
    },
  );

  it.each(found.map(({ path, procedure }) => [path.join("."), path, procedure] as const))(
    "%s has no REST route: /api/v1 does not answer it, not even for an admin in person",
    async (_name, path, procedure) => {
      expect(hasRestRoute({ contract: procedure })).toBe(false);
      for (const method of ["GET", "POST"]) {
        const response = await SELF.fetch(`${ORIGIN}/api/v1/${path.join("/")}`, {
          method,
          headers: {
            cookie: admin.user.cookie,
            "cf-connecting-ip": randomIp(),
            ...(method === "POST" ? { "content-type": "application/json" } : {}),
          },
          ...(method === "POST" ? { body: "{}" } : {}),
        });
        expect(response.status).toBe(404);
      }
    },
  );
});
