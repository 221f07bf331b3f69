import { formatUtc } from "../../../lib/format-time";
import { AUDIT_ACTIONS, type AuditAction } from "./-audit-actions";

// The audit log in words. Entries are kept a year, so a value written by an older release
// may lack a field or hold another type: each reader here takes what it finds and skips the
// rest rather than failing the page.

type Values = Record<string, unknown>;

export interface AuditDetail {
  label: string;
  value: string;
}

const record = (value: unknown): Values =>
  value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Values) : {};

const text = (value: unknown) => (typeof value === "string" && value ? value : undefined);

/** An instant stored as JSON (an ISO string) or as epoch milliseconds, in UTC. */
function when(value: unknown) {
  if (typeof value !== "string" && typeof value !== "number") return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : formatUtc(date);
}

/** The action as a short phrase: "Banned", "Changed role to admin". */
export function describeAction(action: string, after: unknown): string {
  if (action === "user.set-role") {
    const role = text(record(after).role);
    return role ? `Changed role to ${role}` : AUDIT_ACTIONS[action];
  }
  return action in AUDIT_ACTIONS ? AUDIT_ACTIONS[action as AuditAction] : action;
}

/** A labelled value, or nothing when the entry has no value for it. */
const detail = (label: string, value: string | undefined): AuditDetail[] =>
  value === undefined ? [] : [{ label, value }];

/** What the entry's before and after values say, as labelled values a person reads. */
export function describeDetails(action: string, before: unknown, after: unknown): AuditDetail[] {
  const was = record(before);
  const now = record(after);
  switch (action) {
    case "user.create":
      return detail("Role", text(now.role));
    case "user.set-role":
      return detail("Previous role", text(was.role));
    case "user.ban":
      return [
        ...detail("Reason", text(now.banReason)),
        ...detail("Until", when(now.banExpires) ?? "an admin lifts it"),
      ];
    case "user.unban":
      return detail("Reason was", text(was.banReason));
    case "user.impersonate":
      return detail("Ends by", when(now.expiresAt));
    case "user.impersonate-stop":
      return typeof now.restored === "boolean"
        ? detail(
            "Then",
            now.restored
              ? "back in the admin's own session"
              : "signed out (the admin's own session had ended)",
          )
        : [];
    case "session.revoke":
      return [
        ...(was.impersonatedBy
          ? detail("Why", "an admin was acting as this user and lost admin rights")
          : []),
        ...detail("Would have expired", when(was.expiresAt)),
      ];
    default:
      return genericDetails(was, now);
  }
}

/** An action this page has no words for yet: each changed value, before → after. */
function genericDetails(was: Values, now: Values): AuditDetail[] {
  const keys = [...new Set([...Object.keys(was), ...Object.keys(now)])];
  const show = (value: unknown) =>
    value === null || value === undefined
      ? "none"
      : typeof value === "object"
        ? "…"
        : String(value);
  return keys.map((key) => ({
    label: key,
    value: key in was ? `${show(was[key])} → ${show(now[key])}` : show(now[key]),
  }));
}
