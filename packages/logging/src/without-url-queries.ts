// Characters that end a URL in running text or a stack frame.
const END = `\\s"'<>()\`\\[\\]`;

/**
 * A URL with a query or fragment: `scheme://…`, or a path from `/` after a space, quote,
 * bracket, `=` or `@` (`//host/…` too). Group 1 is the URL up to its `?` or `#`; the lazy tail
 * stops before a stack frame's `:line:column`.
 */
const URL_WITH_QUERY = new RegExp(
  `((?:\\b[a-z][a-z\\d+.-]*:\\/\\/|(?<![^${END}=@])\\/)[^?#${END}]*)[?#][^${END}]*?(?=(?::\\d+){1,2}(?=[${END}]|$)|[${END}]|$)`,
  "gi",
);

/**
 * Text (an error message, a stack) with every URL's query string and fragment removed: they
 * carry tokens (`?token=` in reset links), and the origin and path are what a reader needs.
 */
export function withoutUrlQueries(text: string): string {
  return text.replace(URL_WITH_QUERY, "$1");
}
