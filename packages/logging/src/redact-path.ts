// Paths whose last segment is a secret the mailed link carries.
const TOKEN_ROUTES = [/^(\/api\/auth\/reset-password\/)[^/]+/];

// A segment that is not a plain route word (letters and hyphens) and is long enough to be a
// token or key; ids of our own rows are UUIDs and are kept as ":id".
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SECRET_LIKE = /^(?![A-Za-z-]+$).{16,}$/;

// Every placeholder replaces a segment of 16 characters or more, or a reset link's token.
const MAYBE_SECRET = /[^/]{16}|\/reset-password\//;

/** A request path fit for a log line: tokens and ids replaced by placeholders. */
export function redactPath(path: string): string {
  // Most paths (/rpc/todo/list) hold nothing to redact: one scan, no split.
  if (!MAYBE_SECRET.test(path)) return path;
  for (const route of TOKEN_ROUTES) {
    if (route.test(path)) return path.replace(route, "$1:token");
  }
  return path
    .split("/")
    .map((segment) =>
      UUID.test(segment) ? ":id" : SECRET_LIKE.test(segment) ? ":redacted" : segment,
    )
    .join("/");
}
