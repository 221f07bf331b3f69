export { type Auth, type AuthRequestScope, createAuth } from "./auth";
export { type AuthEnv, listOrigins } from "./env";
export { IMPERSONATION_LIFETIME_SECONDS } from "./impersonation";
export {
  EMAIL_VERIFICATION_LINK_LIFETIME_SECONDS,
  RESET_PASSWORD_LINK_LIFETIME_SECONDS,
} from "./link-lifetimes";
export { createMailTransport, type MailEnv } from "./mail/create-mailer";
export type { Mailer, MailMessage, MailTransport, OutgoingMail } from "./mail/mailer";
export { queueMailer } from "./mail/queue-mailer";
export { NAME_MAX_LENGTH, nameProblem } from "./name-policy";
export { grantPasskeyRegistration, PASSKEY_GRANT_SECONDS } from "./passkey-registration-grant";
export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password-policy";
export { AUTH_RATE_LIMIT_LONGEST_WINDOW_SECONDS } from "./rate-limits";
export {
  clearSecondFactorFailures,
  recordSecondFactorFailure,
  redeemBackupCode,
  redeemTotpCode,
  type SecondFactorKey,
  secondFactorLockSeconds,
} from "./second-factor";
export { readSession, type SessionResult, type SessionUser } from "./session";
