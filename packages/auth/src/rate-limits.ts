// Better Auth's own limiter, per client IP, counted in D1 so it survives isolates and restarts.
// Tight where passwords are guessed or mail is sent; the server Worker adds its own tiers, and
// every password check also spends the account's budget from any IP (password-attempts.ts).
export const authRateLimit = {
  enabled: true,
  storage: "database",
  window: 60,
  max: 100,
  customRules: {
    "/sign-in/email": { window: 60, max: 5 },
    "/sign-up/email": { window: 60, max: 10 },
    "/request-password-reset": { window: 300, max: 3 },
    "/send-verification-email": { window: 300, max: 3 },
    "/reset-password": { window: 60, max: 5 },
    "/change-password": { window: 60, max: 5 },
    // Per IP; each account also locks after 10 wrong codes from anywhere (two-factor.ts).
    "/two-factor/verify-totp": { window: 60, max: 5 },
    "/two-factor/verify-backup-code": { window: 60, max: 5 },
    "/two-factor/enable": { window: 60, max: 5 },
    "/two-factor/disable": { window: 60, max: 5 },
    "/passkey/verify-authentication": { window: 60, max: 10 },
  },
} as const;

/** The longest window above, in seconds: a counter idle for longer restarts from zero anyway. */
export const AUTH_RATE_LIMIT_LONGEST_WINDOW_SECONDS = Math.max(
  authRateLimit.window,
  ...Object.values(authRateLimit.customRules).map((rule) => rule.window),
);
