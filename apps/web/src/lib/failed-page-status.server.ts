import { ORPCError } from "@orpc/client";
import type { AnyRouter } from "@tanstack/react-router";
import { setResponseStatus } from "@tanstack/react-start/server";
import { failedCallStatus } from "./failed-call-status";

const retryAfterSeconds = (error: ORPCError<string, unknown>) => {
  const data = error.data as { retryAfterSeconds?: unknown } | undefined;
  return typeof data?.retryAfterSeconds === "number" ? data.retryAfterSeconds : undefined;
};

/**
 * Start answers 500 for every page whose loader threw (and 404 for notFound, which stays). When
 * what threw is a call to the server Worker, the page answers with that call's status instead,
 * so a rate-limited visitor gets 429 with Retry-After, not an alert for a crash. Anything else
 * thrown is this Worker's own fault and keeps its 500. Runs on the server render only.
 */
export function answerForFailedCall(router: AnyRouter, responseHeaders: Headers) {
  const error = router.state.matches.find((match) => match.status === "error")?.error;
  if (!(error instanceof ORPCError)) return;
  const status = failedCallStatus(error);
  const wait = status === 429 ? retryAfterSeconds(error) : undefined;
  if (wait !== undefined) responseHeaders.set("retry-after", String(wait));
  setResponseStatus(status);
}
