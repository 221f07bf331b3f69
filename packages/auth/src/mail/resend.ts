import type { MailTransport } from "./mailer";

/** Production mail through Resend's HTTP API (no SDK: one fetch is all it takes). */
export function resendMailer(options: { apiKey: string; from: string }): MailTransport {
  return {
    async deliver(mail) {
      const response = await fetch("https://api.resend.com/emails", {
        method: "POST",
        headers: {
          authorization: `Bearer ${options.apiKey}`,
          "content-type": "application/json",
          // Resend answers a repeated key with the first result instead of sending again,
          // which covers a crash between its answer and our delivery record.
          "idempotency-key": mail.id,
        },
        body: JSON.stringify({
          from: options.from,
          to: [mail.to],
          subject: mail.subject,
          text: mail.body,
        }),
      });
      if (!response.ok) {
        // The provider's answer may quote the message; log the status only.
        throw new Error(`Resend refused the message: HTTP ${response.status}`);
      }
    },
  };
}
