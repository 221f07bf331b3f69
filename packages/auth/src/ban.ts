/** The ban fields Better Auth reads with every user (additionalFields in auth.ts). */
export interface BannableUser {
  banned?: boolean | null;
  banReason?: string | null;
  banExpires?: Date | null;
}

export function isBanned(user: BannableUser, now = new Date()): boolean {
  return Boolean(user.banned) && (!user.banExpires || user.banExpires > now);
}

/** The refusal a banned user sees on signing in, or null when they may. */
export function banRefusal(user: BannableUser, now = new Date()) {
  if (!isBanned(user, now)) return null;
  const until = user.banExpires ? ` until ${user.banExpires.toISOString().slice(0, 10)}` : "";
  const reason = user.banReason ? `: ${user.banReason}` : "";
  return {
    code: "BANNED",
    message: `This account is suspended${until}${reason}. Contact the admins if you think this is a mistake.`,
  };
}
