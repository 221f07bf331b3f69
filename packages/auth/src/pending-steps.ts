import { schema } from "@checkmark/db";
import { and, eq, like } from "drizzle-orm";

// Better Auth keeps a user's pending steps in its `verification` table with the user's id as
// the value: password-reset links (`reset-password:<token>`), trusted devices and half-done
// two-factor sign-ins. Our own mailed links hold JSON there instead (packages/api/src/account).

/** Every pending Better Auth step of the user: deleting them leaves no way in but a fresh sign-in. */
export const pendingStepsOf = (userId: string) => eq(schema.verification.value, userId);

/** The user's password-reset links that have not been used yet. */
export const resetLinksOf = (userId: string) =>
  and(like(schema.verification.identifier, "reset-password:%"), pendingStepsOf(userId));
