export interface SessionPlace {
  impersonatedBy: string | null;
  ipAddress: string | null;
  userAgent: string | null;
}

/**
 * A session as its owner may see it (devices list, export). An admin acting as the user
 * (impersonation, ADR 045) is shown as support access: never the admin's address, browser or
 * country, which are the admin's, not the user's. Sessions made since the fix store none; this
 * also hides them on older rows.
 */
export function asOwnerSeesIt<T extends SessionPlace & { country?: string | null }>(row: T) {
  const { impersonatedBy, ...rest } = row;
  if (!impersonatedBy) return { ...rest, support: false };
  const hidden = {
    ipAddress: null,
    userAgent: null,
    ...("country" in row ? { country: null } : {}),
  };
  return { ...rest, ...hidden, support: true };
}
