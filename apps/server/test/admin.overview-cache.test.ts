import { env } from "cloudflare:test";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { signedInAdmin, signUpUnverified, uniqueEmail } from "./fixtures";

// The key and age limit of packages/api/src/admin/overview.service.ts (docs/decisions/065).
const KEY = "admin:overview:v1";

let admin: Awaited<ReturnType<typeof signedInAdmin>>;
beforeAll(async () => {
  admin = await signedInAdmin();
});
beforeEach(async () => {
  await env.CACHE.delete(KEY);
});

interface StoredOverview {
  computedAt: number;
  value: { users: number };
}
const stored = () => env.CACHE.get<StoredOverview>(KEY, "json");

describe("the admin dashboard's counts, shared through KV", () => {
  it("are counted once, stored in KV, and served from there to the next reader", async () => {
    const first = await admin.client.admin.overview();
    const entry = await stored();
    expect(entry?.value.users).toBe(first.users);
    expect(entry?.computedAt).toBe(first.countedAt.getTime());

    // A new account does not reach the counts while the stored ones are under a minute old.
    await signUpUnverified({ email: uniqueEmail("counted-later") });
    const second = await admin.client.admin.overview();
    expect(second.users).toBe(first.users);
    expect(second.countedAt).toEqual(first.countedAt);
  });

  it("are recounted once the stored ones are over a minute old", async () => {
    const first = await admin.client.admin.overview();
    await signUpUnverified({ email: uniqueEmail("after-a-minute") });
    // The entry as it would be 61 seconds later (KV keeps it at least that long).
    const entry = await stored();
    if (!entry) throw new Error("the counts were not stored");
    const aged = { ...entry, computedAt: entry.computedAt - 61_000 };
    await env.CACHE.put(KEY, JSON.stringify(aged));

    const recounted = await admin.client.admin.overview();
    expect(recounted.users).toBe(first.users + 1);
    expect(recounted.countedAt.getTime()).toBeGreaterThan(aged.computedAt + 60_000);
    expect((await stored())?.value.users).toBe(recounted.users);
  });

  it("are recounted at once after an admin creates an account", async () => {
    const before = await admin.client.admin.overview();
    await admin.client.admin.users.create({
      email: uniqueEmail("made-by-admin"),
      name: "Made By Admin",
      role: "user",
    });
    const after = await admin.client.admin.overview();
    expect(after.users).toBe(before.users + 1);
  });

  it("are still answered when KV holds something unreadable under the key", async () => {
    await env.CACHE.put(KEY, "not json");
    const overview = await admin.client.admin.overview();
    expect(overview.users).toBeGreaterThan(0);
    expect((await stored())?.value.users).toBe(overview.users);
  });
});
