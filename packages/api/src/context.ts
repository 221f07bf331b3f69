import type { Auth, SessionResult } from "@checkmark/auth";
import { readSession } from "@checkmark/auth";
import type { Database } from "@checkmark/db";

export interface Context {
  db: Database;
  /** The signed-in session, resolved once per request and shared by every procedure. */
  session: SessionResult | null;
}

export async function createContext(input: {
  db: Database;
  auth: Auth;
  request: Request;
}): Promise<Context> {
  return { db: input.db, session: await readSession(input.auth, input.request) };
}
