import {
  ATTACHMENT_MAX_BYTES,
  type AttachmentParent,
  attachments,
  detectFileType,
  SIGNATURE_BYTES,
} from "@checkmark/api";
import type { Context } from "hono";
import type { AppEnv } from "../app-env";
import { errorFields, logEvent } from "../log";
import { problem } from "../problem";
import { readHead } from "./read-head";

const MAX_NAME_LENGTH = 200;

function signedInUser(c: Context<AppEnv>) {
  return c.get("session")?.user ?? null;
}

/** A display name: its last path segment, no control characters, bounded. */
function cleanName(raw: string | undefined): string | null {
  const name = (raw ?? "")
    .split(/[\\/]/)
    .at(-1)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
    ?.replace(/[\u0000-\u001f\u007f]/g, "")
    .trim();
  return name && name.length <= MAX_NAME_LENGTH ? name : null;
}

/** The refusal for a cap: 413 for the bytes quota, 409 LIMIT_REACHED (as over REST) for a count. */
function pastCap(c: Context<AppEnv>, cap: attachments.AttachmentCap, parent: AttachmentParent) {
  if (cap === "quota") {
    return problem(c, 413, "This file would take you over your storage quota (100 MB).");
  }
  const { message, data } = attachments.attachmentLimitReached(cap, parent);
  return problem(c, 409, message, {}, { code: "LIMIT_REACHED", data });
}

/** The parent named by `?todoId=` or `?eventId=` (exactly one), or null. */
function parentOf(c: Context<AppEnv>): AttachmentParent | null {
  const todoId = c.req.query("todoId");
  const eventId = c.req.query("eventId");
  if (todoId && !eventId) return { type: "todo", id: todoId };
  if (eventId && !todoId) return { type: "event", id: eventId };
  return null;
}

/**
 * POST /api/attachments?todoId=…&name=… (or ?eventId=…) with the file as the body. Streams to R2 with its
 * declared length (nothing is buffered but the first bytes, which decide the type); a body
 * that is too big, of a type not allowed, over the quota or past a count cap is refused before
 * anything is stored.
 */
export async function uploadAttachment(c: Context<AppEnv>) {
  const user = signedInUser(c);
  if (!user) return problem(c, 401, "Sign in to continue.");
  // The procedures' read-only rule (procedures.ts), for the one write outside oRPC.
  if (c.get("readOnly")) return problem(c, 403, "This API key may only read.");
  const parent = parentOf(c);
  const name = cleanName(c.req.query("name"));
  if (!name) return problem(c, 400, `Give the file a name of 1 to ${MAX_NAME_LENGTH} characters.`);
  if (!parent || !(await attachments.ownsParent(c.get("db"), user.id, parent))) {
    return problem(c, 404, `That ${parent?.type ?? "todo or event"} does not exist.`);
  }

  const declared = c.req.header("content-length");
  const size = declared && /^\d+$/.test(declared) ? Number(declared) : null;
  if (size === null) return problem(c, 411, "Send the file with its Content-Length.");
  if (size > ATTACHMENT_MAX_BYTES) return problem(c, 413, "A file may be at most 10 MB.");
  if (size === 0 || !c.req.raw.body) return problem(c, 400, "The file is empty.");
  // Early, before any byte is stored; the insert checks again against what landed meanwhile.
  const early = await attachments.capReachedBy(c.get("db"), user.id, parent, size);
  if (early) return pastCap(c, early, parent);

  const { head, whole } = await readHead(c.req.raw.body, SIGNATURE_BYTES);
  const contentType = detectFileType(head, name);
  if (!contentType) {
    await whole.cancel();
    return problem(c, 415, "Attach a PNG, JPEG, GIF, WebP image or a PDF.");
  }

  // R2 needs a known length to stream; FixedLengthStream also fails the upload if the body
  // does not match the length it declared.
  const objectKey = attachments.newObjectKey(user.id);
  const sized = new FixedLengthStream(size);
  const piping = whole.pipeTo(sized.writable).catch(() => undefined);
  try {
    await c.env.FILES.put(objectKey, sized.readable, { httpMetadata: { contentType } });
  } catch (error) {
    logEvent(c, "attachment-upload-failed", errorFields(error));
    return problem(c, 400, "The upload did not arrive whole.");
  } finally {
    await piping;
  }
  try {
    const { created, pastCap: refused } = await attachments.insertAttachment(c.get("db"), parent, {
      userId: user.id,
      objectKey,
      name,
      contentType,
      size,
    });
    if (created) return c.json(created, 201);
    // Another upload landed while this one streamed and took the room: this file goes too.
    await discardObject(c, objectKey);
    return pastCap(c, refused, parent);
  } catch (error) {
    await discardObject(c, objectKey);
    throw error;
  }
}

/**
 * Deletes an object no row points at. Best effort: if R2 fails, the answer stays the one the
 * upload earned (a refusal, or the insert's own error), and the hourly orphan sweep takes it.
 */
async function discardObject(c: Context<AppEnv>, objectKey: string) {
  try {
    await c.env.FILES.delete(objectKey);
  } catch (error) {
    // The key names the user: only the error goes in the log.
    logEvent(c, "attachment-discard-failed", errorFields(error));
  }
}

/** `attachment; filename=…` with an ASCII fallback and the exact name in UTF-8 (RFC 6266). */
function contentDisposition(name: string) {
  const fallback = name.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** GET /api/attachments/:id: the owner's file, with ETag, conditional requests and ranges. */
export async function downloadAttachment(c: Context<AppEnv>) {
  const user = signedInUser(c);
  if (!user) return problem(c, 401, "Sign in to continue.");
  const row = await attachments.findAttachment(c.get("db"), user.id, c.req.param("id") ?? "");
  if (!row) return problem(c, 404, "That file does not exist.");

  const headers = c.req.raw.headers;
  let object: R2Object | R2ObjectBody | null;
  try {
    object = await c.env.FILES.get(row.objectKey, {
      onlyIf: headers,
      range: headers.has("range") ? headers : undefined,
    });
  } catch {
    return problem(c, 416, "That range is not in the file.", {
      "content-range": `bytes */${row.size}`,
    });
  }
  if (!object) return problem(c, 404, "That file does not exist.");

  const response = new Headers({
    etag: object.httpEtag,
    "content-type": row.contentType,
    "content-disposition": contentDisposition(row.name),
    "accept-ranges": "bytes",
  });
  if (!("body" in object)) {
    // A precondition held: If-None-Match matched (304) or If-Match did not (412).
    const status = headers.has("if-none-match") ? 304 : 412;
    return new Response(null, { status, headers: response });
  }
  const range = object.range as { offset?: number; length?: number } | undefined;
  const offset = range?.offset ?? 0;
  const length = range?.length ?? object.size - offset;
  const partial = headers.has("range") && (offset > 0 || length < object.size);
  response.set("content-length", String(length));
  if (partial)
    response.set("content-range", `bytes ${offset}-${offset + length - 1}/${object.size}`);
  return new Response(object.body, { status: partial ? 206 : 200, headers: response });
}
