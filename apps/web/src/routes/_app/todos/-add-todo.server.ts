import { ORPCError } from "@orpc/client";
import { setResponseStatus } from "@tanstack/react-start/server";
import { failedCallStatus } from "../../../lib/error-status";
import { fieldIssues } from "../../../lib/field-issues";
import { client } from "../../../lib/orpc";
import { describeRpcError } from "../../../lib/rpc-error";
import { newTodoInput, type RefusedTodo } from "./-new-todo-input";

// Two short fields; anything bigger is not this form.
const MAX_FORM_BYTES = 16 * 1024;

// What a browser sends for this form: urlencoded by default, multipart if the form ever says so.
const FORM_TYPES = new Set(["application/x-www-form-urlencoded", "multipart/form-data"]);

const refuse = (status: 403 | 411 | 413 | 415, detail: string) =>
  new Response(detail, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

/**
 * Refuses, before anything is read, a body this form never is: one without a declared length
 * (chunked, so its size is known only once buffered), over the cap, or of another type. The
 * body is read only after this, and before any session check, so this is what stops anyone
 * from making the Worker buffer a large upload.
 */
function refuseUnlikeTheForm(request: Request): Response | null {
  const declared = request.headers.get("content-length");
  if (declared === null || !/^\d+$/.test(declared)) {
    return refuse(411, "Send the new-todo form from the todos page (its length is missing).");
  }
  if (Number(declared) > MAX_FORM_BYTES) return refuse(413, "That form is too large.");
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase() ?? "";
  if (!FORM_TYPES.has(type)) return refuse(415, "Send the new-todo form from the todos page.");
  return null;
}

const seeOther = (location: string) => new Response(null, { status: 303, headers: { location } });

/**
 * The new-todo form sent as a plain POST: before the page's script runs, or with JavaScript off
 * (docs/decisions/101). It makes the page's own `todo.create` call, server side with the
 * visitor's cookie, which the server checks like any other: its CSRF check sees this POST's
 * Origin (lib/orpc.ts), its session is the only identity. Added: 303 back to the list, so a
 * reload sends nothing again. Refused: what was typed and why, for the page to render again.
 */
export async function addTodoFromForm(request: Request): Promise<Response | RefusedTodo> {
  const refused = refuseUnlikeTheForm(request);
  if (refused) return refused;
  const form = await request.formData().catch(() => null);
  if (!form) return refuse(415, "Send the new-todo form from the todos page.");
  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  const fields = { text: field("text"), dueDate: field("dueDate") };

  try {
    await client.todo.create(newTodoInput(fields));
  } catch (error) {
    if (error instanceof ORPCError) {
      if (error.code === "UNAUTHORIZED") return seeOther("/sign-in");
      // With a session cookie, only the CSRF check answers 403 to todo.create.
      if (error.code === "FORBIDDEN") return refuse(403, "Add todos from Checkmark's own page.");
    }
    const issues = fieldIssues(error);
    // The page that renders next says what went wrong; its status says so to the browser too.
    setResponseStatus(issues.size > 0 ? 422 : failedCallStatus(error));
    return {
      ...fields,
      textError: issues.get("text"),
      dueDateError: issues.get("dueDate"),
      message: issues.size > 0 ? undefined : describeRpcError(error, "Your todo was not saved."),
    };
  }
  const { pathname, search } = new URL(request.url);
  return seeOther(pathname + search);
}
