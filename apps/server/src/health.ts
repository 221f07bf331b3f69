import type { Context } from "hono";
import type { AppEnv } from "./app-env";
import { errorFields, logEvent } from "./log";

/** Healthy only when D1 answers a real query. */
export async function health(c: Context<AppEnv>) {
  try {
    await c.env.DB.prepare("SELECT 1").first();
    return c.json({ status: "ok" });
  } catch (error) {
    logEvent(c, "health-check-failed", { status: 503, ...errorFields(error) });
    return c.json({ status: "unavailable" }, 503);
  }
}
