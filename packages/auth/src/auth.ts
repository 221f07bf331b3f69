import { createDb, schema } from "@checkmark/db";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
// The minimal build leaves out Kysely, which the Drizzle adapter makes dead weight.
import { betterAuth } from "better-auth/minimal";
import { type AuthEnv, listOrigins } from "./env";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password-policy";

function authOptions(env: AuthEnv) {
  if (!env.BETTER_AUTH_SECRET) {
    throw new Error(
      "BETTER_AUTH_SECRET is not set: run `pnpm start` once locally, or `wrangler secret put BETTER_AUTH_SECRET` in production",
    );
  }
  const db = createDb(env.DB);
  return {
    appName: "Checkmark",
    secret: env.BETTER_AUTH_SECRET,
    // Production names its one public origin; locally the request's host is used when it is
    // on the allowlist, so the dev server, the test server and direct calls all work.
    baseURL: env.BETTER_AUTH_URL || {
      allowedHosts: listOrigins(env.AUTH_ALLOWED_HOSTS),
      protocol: "auto" as const,
    },
    trustedOrigins: listOrigins(env.TRUSTED_ORIGINS),
    database: drizzleAdapter(db, {
      provider: "sqlite",
      schema: {
        user: schema.user,
        session: schema.session,
        account: schema.account,
        verification: schema.verification,
      },
    }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: PASSWORD_MIN_LENGTH,
      maxPasswordLength: PASSWORD_MAX_LENGTH,
    },
    session: {
      expiresIn: 60 * 60 * 24 * 7,
      updateAge: 60 * 60 * 24,
      // A signed cookie carries the session for 5 minutes, so most requests read no
      // session row from D1. A revoked session can live on for at most that long.
      cookieCache: { enabled: true, maxAge: 5 * 60 },
    },
  } as const;
}

/** Better Auth is built per request: its options depend on the Worker's env, which is per request. */
export function createAuth(env: AuthEnv) {
  return betterAuth(authOptions(env));
}

export type Auth = ReturnType<typeof createAuth>;
