/**
 * One display-name rule for the server (Better Auth hooks) and the forms (zod). The name is
 * written into mail sent to any address, so it is bounded and holds no control characters.
 */
export const NAME_MAX_LENGTH = 100;

// Control characters (newlines included) could reshape a mail's text.
const CONTROL_CHARACTERS = /\p{Cc}/u;

/** What is wrong with a display name, in words, or null when it is fine. */
export function nameProblem(name: unknown): string | null {
  if (typeof name !== "string" || name.trim().length === 0) return "Enter your name.";
  // The length as sent, spaces included: Better Auth stores the name untrimmed.
  if (name.length > NAME_MAX_LENGTH) {
    return `Use at most ${NAME_MAX_LENGTH} characters.`;
  }
  if (CONTROL_CHARACTERS.test(name)) return "Use letters, numbers and punctuation only.";
  return null;
}
