import { expect } from "vitest";
import { authPost, cookiesFrom } from "./fixtures";
import { secretOf, totpCode } from "./totp";

/**
 * Turns two-factor on as the settings page does: the password, then a code from the app. The
 * answer's cookie replaces the session's (turning it on issues a new session).
 */
export async function turnOnTwoFactor(cookie: string, password: string) {
  const enable = await authPost("two-factor/enable", { password }, { cookie });
  expect(enable.status).toBe(200);
  const { totpURI, backupCodes } = (await enable.json()) as {
    totpURI: string;
    backupCodes: string[];
  };
  const secret = secretOf(totpURI);
  const usedCode = await totpCode(secret);
  const verify = await authPost("two-factor/verify-totp", { code: usedCode }, { cookie });
  expect(verify.status).toBe(200);
  return { cookie: cookiesFrom(verify), secret, backupCodes, usedCode };
}
