// wrangler.jsonc aliases "@better-auth/core/social-providers" to this module. Checkmark signs
// in with email and password or a passkey only (no social sign-in), yet Better Auth imports
// all of its ~35 providers and their OAuth code (about 85 KB minified) at start-up. These
// stand-ins keep its endpoints working: with no provider configured, a social sign-in is
// refused as "provider not found" exactly as before. Remove the alias to add social sign-in.
import { z } from "zod";

export const socialProviders: Record<string, never> = {};
export const socialProviderList: string[] = [];
// Better Auth's own enum is the provider names `.or(z.string())`, i.e. any string.
export const SocialProviderListEnum = z.string();
export const isGoogleHostedDomainAllowed = () => false;
export const verifyGoogleIdToken = async () => false;
