// How long emailed links work, in seconds. Housekeeping removes accounts still unconfirmed
// after the confirmation link's lifetime, so both read this one value.

/** Confirmation link sent on sign-up (and again on a sign-in before confirming). */
export const EMAIL_VERIFICATION_LINK_LIFETIME_SECONDS = 60 * 60 * 24;

/** Password reset link; used once. */
export const RESET_PASSWORD_LINK_LIFETIME_SECONDS = 60 * 60;
