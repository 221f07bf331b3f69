import type { MailMessage } from "@checkmark/auth";

// The account's own notices. Plain words, each link on its own line, and what to do if the
// mail was not expected.

/**
 * To an address nobody has confirmed yet: nothing the account chose (its display name) goes in,
 * so the mail cannot carry someone else's words to a stranger (ADR 128).
 */
export function confirmEmailChangeMessage(to: string, url: string): MailMessage {
  return {
    to,
    subject: "Confirm your new email for Checkmark",
    body: `Hello,\n\nYou asked to use this address for your Checkmark account. Open this link to confirm it:\n\n${url}\n\nThe link works for 24 hours. Until then you keep signing in with your current address. If you did not ask for this, ignore this message and nothing changes.`,
  };
}

export function emailInUseMessage(to: string, signInUrl: string): MailMessage {
  return {
    to,
    subject: "Someone tried to move a Checkmark account to your email",
    body: `Hello,\n\nSomeone asked to move their Checkmark account to this address, which already has an account. Nothing changed. If you forgot your password, sign in here and choose "Forgot password":\n\n${signInUrl}\n\nIf it was not you, you can ignore this message.`,
  };
}

export function emailChangedMessage(
  name: string,
  oldEmail: string,
  newEmail: string,
  reportUrl: string,
): MailMessage {
  return {
    to: oldEmail,
    subject: "Your Checkmark email was changed",
    body: `Hello ${name},\n\nYour Checkmark account now signs in with ${newEmail} instead of this address.\n\nIf this was not you, open this link within 7 days: it puts this address back and signs out every device, then you choose a new password:\n\n${reportUrl}\n\nIf it was you, there is nothing to do.`,
  };
}

export function accountDeletedMessage(name: string, to: string): MailMessage {
  return {
    to,
    subject: "Your Checkmark account was deleted",
    body: `Hello ${name},\n\nYour Checkmark account and everything in it (todos, events, files, API keys) were deleted, and every device was signed out. This cannot be undone.\n\nIf you did not do this, someone knew your password: change it wherever else you use it. You are welcome to sign up again at any time.`,
  };
}
