import type { SessionResult } from "@checkmark/auth";
import type { Context } from "../context";

/** What an admin procedure's handler gets: a context whose session is certainly there. */
export type AdminContext = Context & { session: SessionResult; user: SessionResult["user"] };
