export interface MailMessage {
  to: string;
  subject: string;
  /** Plain text, links written out in full. */
  body: string;
}

/** A message on its way: the id is given once, by whoever queues it, and survives redelivery. */
export interface OutgoingMail extends MailMessage {
  id: string;
}

/** Where the app hands mail over: the queue (`queueMailer`), never a provider directly. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/** A mail provider, used only by the queue consumer. Delivering the same id twice must be harmless. */
export interface MailTransport {
  deliver(mail: OutgoingMail): Promise<void>;
}
