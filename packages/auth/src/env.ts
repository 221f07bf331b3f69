import type { OutgoingMail } from "./mail/mailer";

/** The slice of the server Worker's env that auth needs; the Worker's generated Env satisfies it. */
export interface AuthEnv {
  DB: D1Database;
  /** Every outgoing mail goes through this queue (mail/queue-mailer.ts). */
  MAIL_QUEUE: Queue<OutgoingMail>;
  BETTER_AUTH_SECRET: string;
  /** Public origin the app is served from, e.g. https://checkmark.example.com. */
  BETTER_AUTH_URL?: string;
  /** Without BETTER_AUTH_URL: comma-separated host patterns a request may name (e.g. `localhost:*`). */
  AUTH_ALLOWED_HOSTS?: string;
  /** Comma-separated extra origins allowed to call auth (the web app in dev, other clients). */
  TRUSTED_ORIGINS?: string;
  /** `resend` in production, `dev-mailbox` locally. */
  MAIL_TRANSPORT?: string;
  RESEND_API_KEY?: string;
  /** Sender for production mail, e.g. `Checkmark <hello@checkmark.example.com>`. */
  MAIL_FROM?: string;
  /** `true`: public sign-up answers 403 and only admins create accounts. */
  DISABLE_SIGN_UP?: string;
  /** The per-account password budget (password-attempts.ts), shared with the API's own checks. */
  PASSWORD_LIMITER: RateLimit;
}

export function listOrigins(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((origin) => origin.trim())
    .filter(Boolean);
}
