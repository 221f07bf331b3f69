// Readers for route search params. Every route definition loads with the app shell on a first
// visit, so they check their params with these few lines rather than with zod, which only
// the forms load, with their pages (docs/decisions/085). A param that breaks its rule (an old
// or hand-edited link) reads as absent rather than failing the page.
// Not for input the server must trust: the server checks everything it is sent again.

/** Text no longer than `max`, or undefined. */
export function searchText(value: unknown, max: number): string | undefined {
  return typeof value === "string" && value.length <= max ? value : undefined;
}

/** What was searched for: trimmed, at most `max` long, or undefined when empty or too long. */
export function searchQuery(value: unknown, max: number): string | undefined {
  // The router reads `?q=123` as a number; a search is always text.
  const text = typeof value === "number" ? String(value) : value;
  const query = typeof text === "string" ? text.trim() : "";
  return query && query.length <= max ? query : undefined;
}

/** One of `options`, or undefined. */
export function searchChoice<T extends string>(
  value: unknown,
  options: readonly T[],
): T | undefined {
  return options.find((option) => option === value);
}

/** True only for `true` (the router reads `?flag=true` as a boolean). */
export const searchFlag = (value: unknown): true | undefined => (value === true ? true : undefined);

/** The query of a mailed link to one of our own account actions (`?token=`). */
export const mailedLinkSearch = (search: Record<string, unknown>): { token?: string } => ({
  token: searchText(search.token, 200),
});
