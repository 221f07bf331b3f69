/**
 * Keys of the one per-account password budget (PASSWORD_LIMITER, ADR 112), shared by every path
 * that checks a password: Better Auth's endpoints (password-attempts.ts) and the API's own
 * checks. Signed in, the user is known; at sign-in only the address typed is, lowercased as
 * Better Auth looks it up, so an unknown address is counted exactly like a known one.
 */
export const passwordAttemptKey = {
  user: (userId: string) => `password:user:${userId}`,
  email: (email: string) => `password:email:${email.trim().toLowerCase()}`,
};
