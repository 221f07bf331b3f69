import type { MailMessage } from "./mailer";

interface Recipient {
  name: string;
  email: string;
  emailVerified: boolean;
}

// Plain words, the link on its own line, and what to do if the mail was not expected.

/**
 * Anyone can sign up with any address and any name, so an account nobody has confirmed is
 * greeted without its name: the sign-up form must not be a way to put words in a stranger's
 * inbox (ADR 128 did the same for email-change mail).
 */
const greeting = (user: Recipient) => (user.emailVerified ? `Hello ${user.name},` : "Hello,");

export function verifyEmailMessage(user: Pick<Recipient, "email">, url: string): MailMessage {
  return {
    to: user.email,
    subject: "Confirm your email for Checkmark",
    body: `Hello,\n\nOpen this link to confirm your email and start using Checkmark. It asks for the password you chose when you signed up:\n\n${url}\n\nThe link works for 24 hours. If you did not sign up, ignore this message: without that password the link does nothing.`,
  };
}

export function resetPasswordMessage(user: Recipient, url: string): MailMessage {
  return {
    to: user.email,
    subject: "Reset your Checkmark password",
    body: `${greeting(user)}\n\nOpen this link to choose a new password:\n\n${url}\n\nThe link works for one hour. Resetting signs you out everywhere; your passkeys and API keys keep working, so review them in Settings once you are back in. If you did not ask for this, ignore this message; your password stays as it is.`,
  };
}

export function existingAccountMessage(user: Recipient, signInUrl: string): MailMessage {
  return {
    to: user.email,
    subject: "Someone tried to sign up with your email",
    body: `${greeting(user)}\n\nSomeone tried to create a Checkmark account with this email, which already has one. If it was you, sign in instead:\n\n${signInUrl}\n\nIf you forgot your password, use "Forgot password" on that page. If it was not you, nothing changed and you can ignore this message.`,
  };
}
