import { createIsomorphicFn } from "@tanstack/react-start";
import { getRequestHeaders } from "@tanstack/react-start/server";

export const THEMES = ["light", "dark", "system"] as const;
export type Theme = (typeof THEMES)[number];

const COOKIE = "theme";
const ONE_YEAR_SECONDS = 60 * 60 * 24 * 365;

const isTheme = (value: string | undefined): value is Theme => THEMES.includes(value as Theme);

/** The theme saved in a Cookie header (or document.cookie); "system" when there is none. */
export function themeFromCookies(cookies: string | null): Theme {
  const saved = cookies
    ?.split(";")
    .map((pair) => pair.trim().split("="))
    .find(([name]) => name === COOKIE)?.[1];
  return isTheme(saved) ? saved : "system";
}

/**
 * The visitor's theme: from the request's cookie while the server renders (so <html> arrives
 * with it and the first paint is right), from document.cookie in the browser.
 */
export const readTheme = createIsomorphicFn()
  .server(() => themeFromCookies(getRequestHeaders().get("cookie")))
  .client(() => themeFromCookies(document.cookie));

/** Remembers the choice for a year, for the server to render it on the next page load. */
export function saveTheme(theme: Theme) {
  const secure = window.location.protocol === "https:" ? "; Secure" : "";
  // biome-ignore lint/suspicious/noDocumentCookie: one readable preference; the Cookie Store API is missing from some browsers this app supports.
  document.cookie = `${COOKIE}=${theme}; Path=/; Max-Age=${ONE_YEAR_SECONDS}; SameSite=Lax${secure}`;
}
