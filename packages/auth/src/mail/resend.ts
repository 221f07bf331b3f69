import type { Mailer } from "./mailer";

/** Production mail through Resend's HTTP API (no SDK: one fetch is all it takes). */
export function resendMailer(options: { apiKey: string; from: string }): Mailer {
  return {
    async send(message) {
      const response = await fetch("https://api.resend.com/emails", {
        method: "POST",
        headers: {
          authorization: `Bearer ${options.apiKey}`,
          "content-type": "application/json",
        },
        body: JSON.stringify({
          from: options.from,
          to: [message.to],
          subject: message.subject,
          text: message.body,
        }),
      });
      if (!response.ok) {
        // The provider's answer may quote the message; log the status only.
        throw new Error(`Resend refused the message: HTTP ${response.status}`);
      }
    },
  };
}
