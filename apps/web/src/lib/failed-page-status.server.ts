import type { AnyRouter } from "@tanstack/react-router";
import { setResponseStatus } from "@tanstack/react-start/server";
import { errorStatus, failedCallStatus } from "./error-status";

/** The wait a TOO_MANY_REQUESTS error names in its typed data. */
const retryAfterSeconds = (error: unknown) => {
  const seconds = (error as { data?: { retryAfterSeconds?: unknown } }).data?.retryAfterSeconds;
  return typeof seconds === "number" ? seconds : undefined;
};

/**
 * Start answers 500 for a page whose loader or beforeLoad threw (404 for notFound, which stands).
 * When what threw is a failed call to the server Worker (an oRPC error), the page
 * answers with that call's status instead, so a rate-limited visitor gets 429 with Retry-After,
 * not an alert for a crash. Anything else thrown is this Worker's own fault and keeps its 500.
 * Called by the server render only, once the page has rendered (src/render-page.tsx);
 * client-side navigation has no status.
 */
export function setFailedPageStatus(router: AnyRouter, pageHeaders: Headers) {
  const error = router.state.matches.find((match) => match.status === "error")?.error;
  if (errorStatus(error) === undefined) return;
  const status = failedCallStatus(error);
  const wait = status === 429 ? retryAfterSeconds(error) : undefined;
  if (wait !== undefined) pageHeaders.set("retry-after", String(wait));
  setResponseStatus(status);
}
