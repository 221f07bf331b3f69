/**
 * `build(key)` run once per key object, then shared: for what lives as long as its key does
 * (a D1 binding, an env, a Drizzle client, an auth instance), so nothing an isolate keeps is
 * rebuilt per request.
 */
export function oncePer<K extends object, V>(build: (key: K) => V): (key: K) => V {
  const built = new WeakMap<K, V>();
  return (key) => {
    if (built.has(key)) return built.get(key) as V;
    const value = build(key);
    built.set(key, value);
    return value;
  };
}
