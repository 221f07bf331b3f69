/**
 * A figure that is costly to compute from D1 and read far more often than it changes, kept in
 * Workers KV for every isolate and location to share (docs/decisions/065). KV is eventually
 * consistent: a reader may see a value up to about a minute old, so only data that can be a
 * minute stale belongs here; never sessions, quotas or a user's own lists.
 */

/** What is stored under the key: the value and when it was computed. */
interface CachedEntry<T> {
  computedAt: number;
  value: T;
}

/** KV refuses expirationTtl below 60 seconds. */
const KV_MIN_TTL_SECONDS = 60;

export interface Cached<T> {
  value: T;
  /** When the value was computed from the database: what a reader shows as "as of". */
  computedAt: Date;
}

/**
 * The cached value under `key` while younger than `maxAgeSeconds`; otherwise `compute()`'s,
 * stored for the next readers. The cache is only a shortcut: a KV read or write that fails
 * falls back to, or still returns, the freshly computed value, and never fails the caller.
 */
export async function readThrough<T>(
  kv: KVNamespace,
  key: string,
  maxAgeSeconds: number,
  compute: () => Promise<T>,
  now = Date.now(),
): Promise<Cached<T>> {
  const entry = await kv.get<CachedEntry<T>>(key, "json").catch(() => null);
  if (entry && now - entry.computedAt < maxAgeSeconds * 1000 && now >= entry.computedAt) {
    return { value: entry.value, computedAt: new Date(entry.computedAt) };
  }
  const value = await compute();
  const fresh: CachedEntry<T> = { computedAt: now, value };
  // KV also drops the entry by itself, so a key nobody reads again does not linger.
  await kv
    .put(key, JSON.stringify(fresh), {
      expirationTtl: Math.max(KV_MIN_TTL_SECONDS, maxAgeSeconds),
    })
    .catch(() => undefined);
  return { value, computedAt: new Date(now) };
}

/** Drops `key` after a change its readers should see without waiting for the age limit. */
export async function invalidate(kv: KVNamespace, key: string): Promise<void> {
  await kv.delete(key).catch(() => undefined);
}
