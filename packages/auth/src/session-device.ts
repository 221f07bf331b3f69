/**
 * The two-letter country Cloudflare places the client in, or null locally. The web Worker
 * forwards the visitor's request headers, `cf-ipcountry` among them; a request that reached
 * this Worker directly carries it in `request.cf`.
 */
export function countryOf(request: Request | undefined): string | null {
  if (!request) return null;
  const fromHeader = request.headers.get("cf-ipcountry");
  const fromCf = (request as { cf?: { country?: unknown } }).cf?.country;
  const country = fromHeader ?? (typeof fromCf === "string" ? fromCf : null);
  // XX: unknown, T1: Tor, per Cloudflare; neither is a place.
  return country && /^[A-Z]{2}$/.test(country) && country !== "XX" ? country : null;
}
