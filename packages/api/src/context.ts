import type { Auth, SessionResult } from "@checkmark/auth";
import { readSession } from "@checkmark/auth";
import type { Database } from "@checkmark/db";

export interface Context {
  db: Database;
  /** The signed-in session, resolved once per request and shared by every procedure. */
  session: SessionResult | null;
  /** True only where mail goes to the local dev mailbox (never in production). */
  devMailbox: boolean;
}

export async function createContext(input: {
  db: Database;
  auth: Auth;
  request: Request;
  devMailbox: boolean;
}): Promise<Context> {
  return {
    db: input.db,
    session: await readSession(input.auth, input.request),
    devMailbox: input.devMailbox,
  };
}
