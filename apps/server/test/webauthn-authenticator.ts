// A software passkey authenticator for the workerd tests: what a phone or laptop does during
// WebAuthn registration ("none" attestation, ES256 key) and sign-in (a signed assertion).

const encoder = new TextEncoder();

const b64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(/=+$/, "");

const fromB64url = (text: string) =>
  Uint8Array.from(atob(text.replaceAll("-", "+").replaceAll("_", "/")), (c) => c.charCodeAt(0));

const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};

const sha256 = async (bytes: Uint8Array) =>
  new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));

/** The few CBOR shapes WebAuthn needs: integers, byte and text strings, maps. */
type Cbor = number | string | Uint8Array | Map<number | string, Cbor>;

function cborHead(major: number, length: number): Uint8Array {
  if (length < 24) return Uint8Array.of((major << 5) | length);
  if (length < 256) return Uint8Array.of((major << 5) | 24, length);
  return Uint8Array.of((major << 5) | 25, length >> 8, length & 0xff);
}

function cbor(value: Cbor): Uint8Array {
  if (typeof value === "number") {
    return value >= 0 ? cborHead(0, value) : cborHead(1, -1 - value);
  }
  if (typeof value === "string") {
    const bytes = encoder.encode(value);
    return concat(cborHead(3, bytes.length), bytes);
  }
  if (value instanceof Uint8Array) return concat(cborHead(2, value.length), value);
  const entries = [...value].flatMap(([key, item]) => [cbor(key), cbor(item)]);
  return concat(cborHead(5, value.size), ...entries);
}

/** WebCrypto signs ECDSA as r||s; WebAuthn wants ASN.1 DER. */
function derSignature(raw: Uint8Array): Uint8Array {
  const integer = (half: Uint8Array) => {
    let start = 0;
    while (start < half.length - 1 && half[start] === 0) start++;
    const trimmed = half.slice(start);
    const padded = (trimmed[0] ?? 0) & 0x80 ? concat(Uint8Array.of(0), trimmed) : trimmed;
    return concat(Uint8Array.of(0x02, padded.length), padded);
  };
  const body = concat(integer(raw.slice(0, 32)), integer(raw.slice(32)));
  return concat(Uint8Array.of(0x30, body.length), body);
}

export interface Passkey {
  credentialId: Uint8Array;
  keys: CryptoKeyPair;
  userHandle: string;
  signCount: number;
}

const newKeys = () =>
  crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, [
    "sign",
    "verify",
  ]) as Promise<CryptoKeyPair>;

const clientData = (type: string, challenge: string, origin: string) =>
  encoder.encode(JSON.stringify({ type, challenge, origin, crossOrigin: false }));

// Authenticator data flags: user present, user verified (PIN or biometrics), credential attached.
const USER_PRESENT = 0x01;
const USER_VERIFIED = 0x04;
const ATTESTED_CREDENTIAL = 0x40;

/** How the device behaves: by default it checks the PIN or biometrics, as phones and laptops do. */
export interface DeviceChecks {
  /** false: a security key without a PIN (or a device made to skip the check) */
  userVerified?: boolean;
}

const flagsFor = ({ userVerified = true }: DeviceChecks) =>
  USER_PRESENT | (userVerified ? USER_VERIFIED : 0);

/** Makes a new credential for the registration options the server sent. */
export async function createCredential(
  options: { challenge: string; rp: { id: string }; user: { id: string } },
  origin: string,
  checks: DeviceChecks = {},
) {
  const keys = await newKeys();
  const jwk = (await crypto.subtle.exportKey("jwk", keys.publicKey)) as JsonWebKey;
  const coseKey = cbor(
    new Map<number, Cbor>([
      [1, 2], // kty: EC2
      [3, -7], // alg: ES256
      [-1, 1], // crv: P-256
      [-2, fromB64url(jwk.x ?? "")],
      [-3, fromB64url(jwk.y ?? "")],
    ]),
  );
  const credentialId = crypto.getRandomValues(new Uint8Array(16));
  const authData = concat(
    await sha256(encoder.encode(options.rp.id)),
    Uint8Array.of(flagsFor(checks) | ATTESTED_CREDENTIAL),
    new Uint8Array(4), // sign count 0
    new Uint8Array(16), // AAGUID: none
    Uint8Array.of(0, credentialId.length),
    credentialId,
    coseKey,
  );
  const attestationObject = cbor(
    new Map<string, Cbor>([
      ["fmt", "none"],
      ["attStmt", new Map()],
      ["authData", authData],
    ]),
  );
  const passkey: Passkey = { credentialId, keys, userHandle: options.user.id, signCount: 0 };
  const response = {
    id: b64url(credentialId),
    rawId: b64url(credentialId),
    type: "public-key",
    response: {
      clientDataJSON: b64url(clientData("webauthn.create", options.challenge, origin)),
      attestationObject: b64url(attestationObject),
      transports: ["internal"],
    },
    clientExtensionResults: {},
    authenticatorAttachment: "platform",
  };
  return { passkey, response };
}

/** Signs the sign-in challenge with the passkey (or with `signingKey`, to forge one). */
export async function assertion(
  passkey: Passkey,
  options: { challenge: string; rpId?: string },
  origin: string,
  {
    signingKey = passkey.keys.privateKey,
    ...checks
  }: DeviceChecks & { signingKey?: CryptoKey } = {},
) {
  passkey.signCount += 1;
  const count = new DataView(new ArrayBuffer(4));
  count.setUint32(0, passkey.signCount);
  const authenticatorData = concat(
    await sha256(encoder.encode(options.rpId ?? new URL(origin).hostname)),
    Uint8Array.of(flagsFor(checks)),
    new Uint8Array(count.buffer),
  );
  const clientDataJSON = clientData("webauthn.get", options.challenge, origin);
  const signed = concat(authenticatorData, await sha256(clientDataJSON));
  const raw = new Uint8Array(
    await crypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, signingKey, signed),
  );
  return {
    id: b64url(passkey.credentialId),
    rawId: b64url(passkey.credentialId),
    type: "public-key",
    response: {
      clientDataJSON: b64url(clientDataJSON),
      authenticatorData: b64url(authenticatorData),
      signature: b64url(derSignature(raw)),
      userHandle: passkey.userHandle,
    },
    clientExtensionResults: {},
    authenticatorAttachment: "platform",
  };
}

export const otherKeys = newKeys;
