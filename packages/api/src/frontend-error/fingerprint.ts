// Repeats of one error share a fingerprint, so a flood of them is stored as one row.

/** A stack frame line in V8 (`at fn (url:1:2)`) or Firefox/Safari (`fn@url:1:2`) form. */
const FRAME = /^at\s|@\S*:\d+/;

/** The first frame of a stack: where the error was thrown, the same for every repeat. */
export function firstStackFrame(stack: string | null | undefined): string {
  return (
    stack
      ?.split("\n")
      .map((line) => line.trim())
      .find((line) => FRAME.test(line)) ?? ""
  );
}

/** SHA-256 hex of message, first stack frame and page path. */
export async function errorFingerprint(error: {
  message: string;
  stack?: string | null;
  path: string;
}): Promise<string> {
  // JSON keeps the parts apart: no message can pass for another message plus a frame.
  const text = JSON.stringify([error.message, firstStackFrame(error.stack), error.path]);
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("");
}
