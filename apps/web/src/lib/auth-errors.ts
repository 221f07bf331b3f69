/** Better Auth's error codes, said the way a person would want to read them. */
const MESSAGES: Record<string, string> = {
  USER_ALREADY_EXISTS: "An account with this email already exists. Try signing in instead.",
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL:
    "An account with this email already exists. Try signing in instead.",
  INVALID_EMAIL_OR_PASSWORD: "That email and password do not match. Check them and try again.",
  PASSWORD_TOO_SHORT: "That password is too short.",
  PASSWORD_TOO_LONG: "That password is too long.",
  INVALID_EMAIL: "Enter a valid email address.",
  EMAIL_NOT_VERIFIED: "Confirm your email first. We have just sent you a new link.",
  INVALID_TOKEN: "This link has expired or was already used. Ask for a new one.",
  TOKEN_EXPIRED: "This link has expired. Ask for a new one.",
  INVALID_PASSWORD: "That password is not right.",
  INVALID_NAME: "Enter a name of at most 100 characters, on one line.",
  SIGNED_IN_AS_SOMEONE_ELSE:
    "You are signed in to another account. Sign out, then open the link again.",
};

export function describeAuthError(error: {
  code?: string;
  message?: string;
  status?: number;
}): string {
  if (error.code && MESSAGES[error.code]) return MESSAGES[error.code] ?? "";
  if (error.status === 429) return "Too many attempts. Wait a minute and try again.";
  return error.message || "Something went wrong. Please try again.";
}
