// Seeds through the app's own endpoints, as a user would: sign up, confirm with the mailed
// link's token and the password, create todos over RPC. Each user signs up from an address of its own, like real users.

export interface SeededUser {
  email: string;
  password: string;
  cookie: string;
}

const PASSWORD = "bench password 123";

function cookiesFrom(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}

/** A client address of its own for number `n` in a /16 (the auth limits count per address). */
const address = (prefix: string, n: number) => `${prefix}.${Math.floor(n / 250)}.${(n % 250) + 1}`;

/**
 * An oRPC call over HTTP, as the typed client sends it; throws unless it succeeded. Signed-out
 * calls are limited per address, so each seeded user's own calls come from its own (`ip`).
 */
export async function postRpc(
  base: string,
  path: string,
  input: unknown,
  cookie = "",
  ip = "198.51.100.7",
) {
  const response = await fetch(`${base}/rpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie, "cf-connecting-ip": ip },
    body: JSON.stringify({ json: input }),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response;
}

export async function rpcCall(
  base: string,
  path: string,
  input: unknown,
  cookie = "",
  ip?: string,
) {
  const response = await postRpc(base, path, input, cookie, ip);
  return ((await response.json()) as { json: unknown }).json;
}

// Polled from the user's own address: with the strict limits (SSR runs, where the load-test
// tier reaches only the web Worker) 32 users' polls from one address ran into its 300 a minute.
async function confirmationLink(base: string, email: string, ip: string): Promise<string> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const mail = (await rpcCall(base, "devMailbox/list", undefined, "", ip)) as {
      recipient: string;
      body: string;
    }[];
    const link = mail
      .find((message) => message.recipient === email)
      ?.body.match(/https?:\/\/\S+/)?.[0];
    if (link) return link;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no confirmation mail for ${email}`);
}

export async function seedUser(base: string, index: number, todos: number): Promise<SeededUser> {
  const email = `bench-${index}-${Date.now()}@example.com`;
  const ip = address("198.18", index);
  const signUp = await fetch(`${base}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base, "cf-connecting-ip": ip },
    body: JSON.stringify({ name: `Bench ${index}`, email, password: PASSWORD }),
  });
  if (!signUp.ok) throw new Error(`sign-up: ${signUp.status} ${await signUp.text()}`);
  const token = new URL(await confirmationLink(base, email, ip)).searchParams.get("token");
  const verified = await fetch(`${base}/api/auth/confirm-email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base, "cf-connecting-ip": ip },
    body: JSON.stringify({ token, password: PASSWORD }),
  });
  const cookie = cookiesFrom(verified);
  if (!cookie.includes("session_token=")) throw new Error(`no session after confirming ${email}`);
  for (let i = 0; i < todos; i++) {
    await rpcCall(base, "todo/create", { text: `Bench todo ${i} for user ${index}` }, cookie);
  }
  return { email, password: PASSWORD, cookie };
}

/** One email sign-in from address number `ipIndex` (the auth limits are per address). */
export async function signIn(base: string, user: SeededUser, ipIndex: number) {
  const response = await fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      origin: base,
      "cf-connecting-ip": address("198.19", ipIndex),
    },
    body: JSON.stringify({ email: user.email, password: user.password }),
  });
  if (response.status !== 200)
    throw new Error(`sign-in: ${response.status} ${await response.text()}`);
}
