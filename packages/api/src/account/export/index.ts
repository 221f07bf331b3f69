import type { Owner } from "../../shared/owner";
import { accountIcs } from "./ics";
import { accountJson } from "./json";
import { streamOf } from "./pages";

// The account export's two downloads, as byte streams the server Worker serves (ADR 077).

export function accountJsonStream(owner: Owner): ReadableStream<Uint8Array> {
  return streamOf(accountJson(owner));
}

export function accountIcsStream(owner: Owner, host: string): ReadableStream<Uint8Array> {
  return streamOf(accountIcs(owner, host));
}
