import { ORPCError } from "@orpc/client";
import { setResponseStatus } from "@tanstack/react-start/server";
import { failedCallStatus } from "../../../lib/error-status";
import { fieldIssues } from "../../../lib/field-issues";
import { client } from "../../../lib/orpc";
import { readBodyWithin } from "../../../lib/read-body-within.server";
import { describeRpcError } from "../../../lib/rpc-error";
import { newTodoInput, type RefusedTodo } from "./-new-todo-input";

// Two short fields; anything bigger is not this form.
const MAX_FORM_BYTES = 16 * 1024;

// What a browser sends for this form: urlencoded by default, multipart if the form ever says so.
const FORM_TYPES = new Set(["application/x-www-form-urlencoded", "multipart/form-data"]);

const refuse = (status: 403 | 413 | 415, detail: string) =>
  new Response(detail, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

/**
 * The form's fields, or the refusal of a body this form never is: of another type, or over the
 * cap. The body is read before any session check, so the cap is what stops anyone from making
 * the Worker buffer a large upload, whether it declares its length or is sent in chunks.
 */
async function readTheForm(request: Request): Promise<FormData | Response> {
  const type = request.headers.get("content-type") ?? "";
  const mediaType = type.split(";")[0]?.trim().toLowerCase() ?? "";
  if (!FORM_TYPES.has(mediaType)) return refuse(415, "Send the new-todo form from the todos page.");
  const body = await readBodyWithin(request, MAX_FORM_BYTES);
  if (!body) return refuse(413, "That form is too large.");
  const form = await new Response(body, { headers: { "content-type": type } })
    .formData()
    .catch(() => null);
  return form ?? refuse(415, "Send the new-todo form from the todos page.");
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
  const form = await readTheForm(request);
  if (form instanceof Response) return form;
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
