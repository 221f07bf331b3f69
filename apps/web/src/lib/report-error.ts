// Browser errors go to the server's log endpoint (same origin, forwarded), so admins see what
// users hit. A handful per page load at most: a loop of errors must not become a flood.
const MAX_REPORTS_PER_PAGE = 5;
let reported = 0;

export function reportError(error: unknown) {
  if (typeof window === "undefined" || reported >= MAX_REPORTS_PER_PAGE) return;
  reported++;
  const asError = error instanceof Error ? error : new Error(String(error));
  void fetch("/api/log/frontend-error", {
    method: "POST",
    keepalive: true,
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      message: (asError.message || "Unknown error").slice(0, 1000),
      stack: asError.stack?.slice(0, 8000),
      // Origin and path only: the query or fragment can carry a token (reset and confirmation links).
      url: (window.location.origin + window.location.pathname).slice(0, 2000),
    }),
  }).catch(() => {
    // Reporting must never cause an error of its own.
  });
}

/** Uncaught errors and rejected promises anywhere in the page. */
export function reportUncaughtErrors() {
  const onError = (event: ErrorEvent) => reportError(event.error ?? event.message);
  const onRejection = (event: PromiseRejectionEvent) => reportError(event.reason);
  window.addEventListener("error", onError);
  window.addEventListener("unhandledrejection", onRejection);
  return () => {
    window.removeEventListener("error", onError);
    window.removeEventListener("unhandledrejection", onRejection);
  };
}
