import { passkeyClient } from "@better-auth/passkey/client";
import { twoFactorClient } from "better-auth/client/plugins";
import { createAuthClient } from "better-auth/react";

/**
 * Better Auth's client with the two-factor and passkey actions. Kept apart from `authClient`,
 * which every page loads (the sign-out button), so the WebAuthn browser code only ships with
 * the pages that use it: sign-in and settings.
 */
export const factorsClient = createAuthClient({ plugins: [twoFactorClient(), passkeyClient()] });
