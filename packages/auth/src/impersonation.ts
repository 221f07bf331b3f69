import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthEndpoint, getSessionFromCtx } from "better-auth/api";
import { deleteSessionCookie, expireCookie, setSessionCookie } from "better-auth/cookies";
import { z } from "zod";

/** How long an admin may act as someone else before signing back in to go on. */
export const IMPERSONATION_LIFETIME_SECONDS = 60 * 60;

// Holds `<admin session token>:<"true" when the admin chose not to be remembered>`, signed,
// so stopping can hand the admin's own session back.
const RETURN_COOKIE = "impersonator_session";

/**
 * Cookie plumbing for impersonation, callable only from the server (`auth.api.*`): the
 * admin checks and audit rows live in the oRPC procedures (packages/api/src/admin), which
 * are the only callers. Server-only endpoints are left out of Better Auth's HTTP router.
 */
export const impersonation = () =>
  ({
    id: "impersonation",
    endpoints: {
      startImpersonation: createAuthEndpoint(
        "/impersonation/start",
        {
          method: "POST",
          body: z.object({ userId: z.string() }),
          metadata: { SERVER_ONLY: true },
        },
        async (ctx) => {
          const admin = await getSessionFromCtx(ctx);
          if (!admin) throw new APIError("UNAUTHORIZED");
          if (admin.session.impersonatedBy) throw new APIError("FORBIDDEN");
          const target = await ctx.context.internalAdapter.findUserById(ctx.body.userId);
          if (!target) throw new APIError("NOT_FOUND");
          // Goes through the adapter, so the ban hook in auth.ts refuses a banned target too.
          const session = await ctx.context.internalAdapter.createSession(
            target.id,
            true,
            {
              impersonatedBy: admin.user.id,
              expiresAt: new Date(Date.now() + IMPERSONATION_LIFETIME_SECONDS * 1000),
              // This request is the admin's: their address and browser are not the user's
              // device, and the user sees this session in their devices list and export.
              ipAddress: null,
              userAgent: null,
            },
            true,
          );
          const adminForgets = await ctx.getSignedCookie(
            ctx.context.authCookies.dontRememberToken.name,
            ctx.context.secret,
          );
          const returnCookie = ctx.context.createAuthCookie(RETURN_COOKIE);
          await ctx.setSignedCookie(
            returnCookie.name,
            `${admin.session.token}:${adminForgets ?? ""}`,
            ctx.context.secret,
            { ...returnCookie.attributes, maxAge: IMPERSONATION_LIFETIME_SECONDS },
          );
          // "Don't remember" makes Better Auth leave the session's one-hour expiry alone
          // (it would otherwise extend it to the usual week on the next read).
          await setSessionCookie(ctx, { session, user: target }, true);
          return ctx.json({ sessionId: session.id, expiresAt: session.expiresAt });
        },
      ),
      stopImpersonation: createAuthEndpoint(
        "/impersonation/stop",
        { method: "POST", metadata: { SERVER_ONLY: true } },
        async (ctx) => {
          const current = await getSessionFromCtx(ctx);
          const impersonatorId = current?.session.impersonatedBy;
          if (!current || !impersonatorId) throw new APIError("BAD_REQUEST");
          const returnCookie = ctx.context.createAuthCookie(RETURN_COOKIE);
          const saved = await ctx.getSignedCookie(returnCookie.name, ctx.context.secret);
          const [adminToken, adminForgets] = (saved || "").split(":");
          const adminSession = adminToken
            ? await ctx.context.internalAdapter.findSession(adminToken)
            : null;
          await ctx.context.internalAdapter.deleteSession(current.session.token);
          expireCookie(ctx, returnCookie);
          const restored =
            adminSession &&
            adminSession.user.id === impersonatorId &&
            adminSession.session.expiresAt > new Date();
          if (restored) {
            await setSessionCookie(ctx, adminSession, adminForgets === "true");
          } else {
            // The admin's own session ended meanwhile: they sign in again.
            deleteSessionCookie(ctx);
          }
          return ctx.json({ restored: Boolean(restored) });
        },
      ),
    },
  }) satisfies BetterAuthPlugin;
