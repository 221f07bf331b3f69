// The actions the audit log can be filtered by, with the menu's words for them. Small and
// free of imports: the route reads `?action=` with it on every first visit (docs/decisions/085).
export const AUDIT_ACTIONS = {
  "user.create": "Created an account",
  "user.set-role": "Changed a role",
  "user.ban": "Banned",
  "user.unban": "Lifted a ban",
  "user.impersonate": "Started acting as a user",
  "user.impersonate-stop": "Stopped acting as a user",
  "session.revoke": "Ended a session",
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;
export const AUDIT_ACTION_KEYS = Object.keys(AUDIT_ACTIONS) as AuditAction[];
