import { ORPCError } from "@orpc/client";

/**
 * The messages a BAD_REQUEST names per input field (`data.issues[].path[0]`), so a form can
 * show the server's word at the field it is about. Empty for any other error.
 */
export function fieldIssues(error: unknown): Map<string, string> {
  const found = new Map<string, string>();
  if (!(error instanceof ORPCError) || error.code !== "BAD_REQUEST") return found;
  const issues = (error.data as { issues?: { path?: unknown[]; message: string }[] } | undefined)
    ?.issues;
  for (const issue of issues ?? []) {
    const field = issue.path?.[0];
    if (typeof field === "string" && !found.has(field)) found.set(field, issue.message);
  }
  return found;
}
