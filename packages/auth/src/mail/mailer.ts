export interface MailMessage {
  to: string;
  subject: string;
  /** Plain text, links written out in full. */
  body: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}
