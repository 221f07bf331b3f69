import type { Auth } from "@checkmark/auth";
import type { Database } from "@checkmark/db";

/** Hono's bindings and per-request variables for the server Worker. */
export interface AppEnv {
  Bindings: Env;
  Variables: { db: Database; auth: Auth };
}
