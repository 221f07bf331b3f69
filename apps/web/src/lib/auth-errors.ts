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
  INVALID_CODE: "That code is not right. Check your authenticator app and try again.",
  CODE_ALREADY_USED: "That code was already used. Wait for the next one in your app.",
  INVALID_BACKUP_CODE: "That backup code is not right, or it was already used.",
  INVALID_TWO_FACTOR_COOKIE: "This sign-in took too long. Start again with your password.",
  TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE: "Too many wrong codes. Start again with your password.",
  // The account's password budget (ADR 112): the same words for an unknown address.
  TOO_MANY_PASSWORD_ATTEMPTS:
    "Too many password attempts for this account. Wait a minute, then try again.",
  ACCOUNT_TEMPORARILY_LOCKED:
    "Too many wrong codes for this account. Wait 15 minutes and try again.",
  AUTH_CANCELLED: "Passkey sign-in was cancelled or timed out. Try again.",
  REGISTRATION_CANCELLED: "Adding the passkey was cancelled or timed out.",
  PREVIOUSLY_REGISTERED: "This device already holds a passkey for your account.",
  ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED:
    "This device already holds a passkey for your account.",
  AUTHENTICATION_FAILED: "That passkey is not known here. Sign in with your password.",
  PASSKEY_NOT_FOUND: "That passkey is not known here. Sign in with your password.",
  PASSWORD_REQUIRED: "Type your password again, then add the passkey.",
  SESSION_NOT_FRESH: "Sign in again to change your passkeys (for your safety).",
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
