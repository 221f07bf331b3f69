import type { AnyFormApi } from "@tanstack/react-form";

/**
 * Puts the server's word on each field it is about (`issues`, field name to message), where it
 * stays until the form is sent again (form.tsx clears it then). False when none of them is a
 * field of this form, so the caller shows the error another way.
 */
export function showServerFieldErrors(form: AnyFormApi, issues: Map<string, string>): boolean {
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
