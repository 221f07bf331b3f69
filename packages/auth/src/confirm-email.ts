import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthEndpoint, getSessionFromCtx } from "better-auth/api";
import { setSessionCookie } from "better-auth/cookies";
import { verifyJWT } from "better-auth/crypto";
import { z } from "zod";
import { passwordAttemptKey } from "./password-attempt-key";
import { type PasswordLimiterOf, spendPasswordAttempt } from "./password-attempts";
import { PASSWORD_MAX_LENGTH } from "./password-policy";
import { authRateLimit } from "./rate-limits";

// A sign-up's link names the account it was sent for; change-of-email links (updateTo) are not for here.
const tokenPayload = z.object({
  email: z.email(),
  userId: z.string(),
  updateTo: z.undefined().optional(),
});

const refuse = (
  status: "BAD_REQUEST" | "UNAUTHORIZED" | "CONFLICT",
  code: string,
  message: string,
) => new APIError(status, { code, message });

const invalidLink = () =>
  refuse("BAD_REQUEST", "INVALID_TOKEN", "This link has expired or was replaced by a newer one.");

/**
 * POST /confirm-email { token, password }: the mailed link confirms an address only together
 * with the password chosen at sign-up. Whoever registered someone else's address first
 * cannot have it confirmed by the owner's click: the owner does not know that password, and
 * a later sign-up by the owner replaces the unconfirmed account (see account-hooks.ts).
 * Better Auth's GET /verify-email, which confirms from the link alone, is disabled. A link
 * for an address already confirmed makes no session (it would skip two-factor sign-in).
 */
export const confirmEmail = (passwordLimiter: PasswordLimiterOf) =>
  ({
    id: "confirm-email",
    endpoints: {
      confirmEmail: createAuthEndpoint(
        "/confirm-email",
        {
          method: "POST",
          body: z.object({
            token: z.string().max(2048),
            password: z.string().max(PASSWORD_MAX_LENGTH),
          }),
        },
        async (ctx) => {
          const parsed = tokenPayload.safeParse(
            await verifyJWT(ctx.body.token, ctx.context.secret),
          );
          if (!parsed.success) throw invalidLink();
          const { email, userId } = parsed.data;

          const found = await ctx.context.internalAdapter.findUserByEmail(email, {
            includeAccounts: true,
          });
          // A token names the account it was sent for; a newer sign-up made a new one.
          if (!found || found.user.id !== userId) throw invalidLink();
          // The link works for 24 hours, but it signs in only to confirm: once the address is
          // confirmed, signing in (with its second step, if set up) is the one way in.
          if (found.user.emailVerified) return ctx.json({ status: true, alreadyConfirmed: true });

          // Never swap a signed-in person into another account behind their back.
          const current = await getSessionFromCtx(ctx);
          if (current && current.user.id !== userId) {
            throw refuse(
              "CONFLICT",
              "SIGNED_IN_AS_SOMEONE_ELSE",
              "You are signed in to another account. Sign out, then open the link again.",
            );
          }

          // The account's password budget, like every other password check (ADR 112).
          await spendPasswordAttempt(passwordLimiter, passwordAttemptKey.user(userId));
          const hash = found.accounts.find((a) => a.providerId === "credential")?.password;
          const matches = hash
            ? await ctx.context.password.verify({ hash, password: ctx.body.password })
            : false;
          if (!matches) {
            throw refuse(
              "UNAUTHORIZED",
              "INVALID_PASSWORD",
              "That is not the password chosen when this account was made.",
            );
          }

          const user = await ctx.context.internalAdapter.updateUser(userId, {
            emailVerified: true,
          });
          const session = await ctx.context.internalAdapter.createSession(userId);
          await setSessionCookie(ctx, { session, user: { ...found.user, ...user } });
          return ctx.json({ status: true, alreadyConfirmed: false });
        },
      ),
    },
    // One confirmation per sign-up, so the sign-up budget; guessing the password here also
    // needs the mailed token, which only the address's owner has.
    rateLimit: [
      {
        pathMatcher: (path) => path === "/confirm-email",
        ...authRateLimit.customRules["/sign-up/email"],
      },
    ],
  }) satisfies BetterAuthPlugin;
