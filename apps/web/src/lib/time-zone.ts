import { createIsomorphicFn } from "@tanstack/react-start";
import { getRequestHeaders } from "@tanstack/react-start/server";

// The viewer's IANA time zone, which the agenda groups days by (docs/decisions/024). The
// browser knows it; the server learns it from a cookie the browser writes, so both render the
// same days. Without the cookie (a first visit) the server renders UTC, and the page corrects
// itself once hydrated.

const COOKIE = "tz";
const ONE_YEAR_SECONDS = 60 * 60 * 24 * 365;
export const FALLBACK_TIME_ZONE = "UTC";

/** True for a zone name this runtime's Intl knows. */
export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return zone.length <= 64;
  } catch {
    return false;
  }
}

export function timeZoneFromCookies(cookies: string | null): string {
  const saved = cookies
    ?.split(";")
    .map((pair) => pair.trim().split("="))
    .find(([name]) => name === COOKIE)?.[1];
  const zone = saved ? decodeURIComponent(saved) : undefined;
  return zone && isKnownTimeZone(zone) ? zone : FALLBACK_TIME_ZONE;
}

/** The browser's own zone. */
export const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * While the server renders, the tz cookie's zone if this runtime knows it (else UTC); in the
 * browser, its own zone.
 */
export const viewerTimeZone = createIsomorphicFn()
  .server(() => timeZoneFromCookies(getRequestHeaders().get("cookie")))
  .client(() => browserTimeZone());

let rendered: string | undefined;

/**
 * The zone the server rendered this page's times in, for hydrating them the same
 * (components/local-time.tsx). The browser reads it from the served page (the first
 * `<time data-zone>`), not from the cookie: the server's ICU may lack a zone the browser knows
 * (it rendered UTC then), and an effect may write the cookie before a later part of the page
 * hydrates. Read once per page load, before hydrated times switch to the browser's own zone.
 */
export const renderedTimeZone = createIsomorphicFn()
  .server(() => viewerTimeZone())
  .client(() => {
    rendered ??=
      document.querySelector<HTMLElement>("time[data-zone]")?.dataset.zone ?? FALLBACK_TIME_ZONE;
    return rendered;
  });

/** Tells the server the browser's zone for the next page it renders. */
export function saveBrowserTimeZone() {
  const zone = browserTimeZone();
  if (timeZoneFromCookies(document.cookie) === zone) return;
  const secure = window.location.protocol === "https:" ? "; Secure" : "";
  // biome-ignore lint/suspicious/noDocumentCookie: one readable preference, like the theme (src/lib/theme.ts).
  document.cookie = `${COOKIE}=${encodeURIComponent(zone)}; Path=/; Max-Age=${ONE_YEAR_SECONDS}; SameSite=Lax${secure}`;
}
