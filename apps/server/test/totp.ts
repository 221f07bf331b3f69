// What an authenticator app does with the secret in an otpauth:// URI (RFC 6238, SHA-1, six
// digits, 30-second steps), written independently of the server's code so a test can check it.

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

function base32Decode(text: string): Uint8Array<ArrayBuffer> {
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of text.replace(/=+$/, "").toUpperCase()) {
    value = (value << 5) | BASE32.indexOf(char);
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return new Uint8Array(out);
}

export function secretOf(totpURI: string): string {
  const secret = new URL(totpURI).searchParams.get("secret");
  if (!secret) throw new Error(`no secret in ${totpURI}`);
  return secret;
}

/** The code for the time step `offset` steps from now (0: the current one). */
export async function totpCode(base32Secret: string, offset = 0): Promise<string> {
  const key = await crypto.subtle.importKey(
    "raw",
    base32Decode(base32Secret),
    { name: "HMAC", hash: "SHA-1" },
    false,
    ["sign"],
  );
  const counter = new DataView(new ArrayBuffer(8));
  counter.setBigUint64(0, BigInt(Math.floor(Date.now() / 30_000) + offset));
  const mac = new DataView(await crypto.subtle.sign("HMAC", key, counter.buffer));
  // Dynamic truncation: 31 bits from the offset the last nibble names.
  const at = mac.getUint8(mac.byteLength - 1) & 0x0f;
  const number = mac.getUint32(at) & 0x7fffffff;
  return String(number % 1_000_000).padStart(6, "0");
}
