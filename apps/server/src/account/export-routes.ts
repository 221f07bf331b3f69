import { accountIcsStream, accountJsonStream } from "@checkmark/api";
import type { Context } from "hono";
import type { AppEnv } from "../app-env";
import { problem } from "../problem";

// GET /api/account/export.json and /export.ics: the signed-in account's data as downloads,
// streamed a page of rows at a time so a large account never sits in memory (ADR 077).

function exportOwner(c: Context<AppEnv>) {
  const user = c.get("session")?.user;
  if (!user) return { refusal: problem(c, 401, "Sign in to continue.") };
  // A program holding a key may read through the API; the whole account goes to its owner.
  if (c.get("apiKeyId")) return { refusal: problem(c, 403, "Export from the settings page.") };
  // An admin acting as the user may look for an audited hour (ADR 045); a copy of everything
  // would outlast it.
  if (c.get("session")?.session.impersonatedBy) {
    return {
      refusal: problem(c, 403, "While acting as this user, their data cannot be exported."),
    };
  }
  return { owner: { db: c.get("db"), userId: user.id } };
}

function download(body: ReadableStream<Uint8Array>, type: string, fileName: string) {
  return new Response(body, {
    headers: {
      "content-type": type,
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "no-store",
    },
  });
}

const today = () => new Date().toISOString().slice(0, 10);

export function exportJson(c: Context<AppEnv>) {
  const { owner, refusal } = exportOwner(c);
  if (!owner) return refusal;
  return download(
    accountJsonStream(owner),
    "application/json; charset=utf-8",
    `checkmark-export-${today()}.json`,
  );
}

export function exportIcs(c: Context<AppEnv>) {
  const { owner, refusal } = exportOwner(c);
  if (!owner) return refusal;
  const host = new URL(c.env.BETTER_AUTH_URL || c.req.url).host;
  return download(
    accountIcsStream(owner, host),
    "text/calendar; charset=utf-8",
    `checkmark-events-${today()}.ics`,
  );
}
