import { ORPCError } from "@orpc/client";
import type { AnyFormApi } from "@tanstack/react-form";
import { describeRpcError } from "./rpc-error";

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

/**
 * Puts the server's word on each field it is about (`issues`, field name to message), where it
 * stays until the form is sent again (form.tsx clears it then). False when none of them is a
 * field of this form, so the caller shows the error another way.
 */
function showServerFieldErrors(form: AnyFormApi, issues: Map<string, string>): boolean {
  let shown = false;
  for (const [name, message] of issues) {
    if (!(name in form.state.values)) continue;
    form.setFieldMeta(name, (meta) => ({
      ...meta,
      errorMap: { ...meta.errorMap, onServer: message },
    }));
    shown = true;
  }
  return shown;
}

/**
 * A form's failed send shown where it belongs: on the fields the server named (`issues`,
 * by default its BAD_REQUEST field issues), else as the sentence returned for the form.
 */
export function formFailure(
  form: AnyFormApi,
  error: unknown,
  fallback: string,
  issues = fieldIssues(error),
): string | null {
  return showServerFieldErrors(form, issues) ? null : describeRpcError(error, fallback);
}
