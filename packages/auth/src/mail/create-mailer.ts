import type { Database } from "@checkmark/db";
import type { AuthEnv } from "../env";
import { devMailbox } from "./dev-mailbox";
import type { MailTransport } from "./mailer";
import { resendMailer } from "./resend";

/** The transport named by MAIL_TRANSPORT; an unset or unknown one fails loudly at send time. */
export function createMailTransport(env: MailEnv, db: Database): MailTransport {
  switch (env.MAIL_TRANSPORT) {
    case "dev-mailbox":
      return devMailbox(db);
    case "resend":
      if (!env.RESEND_API_KEY || !env.MAIL_FROM) {
        return failing("MAIL_TRANSPORT=resend needs RESEND_API_KEY and MAIL_FROM");
      }
      return resendMailer({ apiKey: env.RESEND_API_KEY, from: env.MAIL_FROM });
    default:
      return failing(
        `MAIL_TRANSPORT is "${env.MAIL_TRANSPORT ?? ""}"; set it to resend or dev-mailbox`,
      );
  }
}

export type MailEnv = Pick<AuthEnv, "MAIL_TRANSPORT" | "RESEND_API_KEY" | "MAIL_FROM">;

function failing(reason: string): MailTransport {
  return {
    deliver() {
      return Promise.reject(new Error(`No mail transport: ${reason}`));
    },
  };
}
