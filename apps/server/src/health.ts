import type { Context } from "hono";
import type { AppEnv } from "./app-env";

/** Healthy only when D1 answers a real query. */
export async function health(c: Context<AppEnv>) {
  try {
    await c.env.DB.prepare("SELECT 1").first();
    return c.json({ status: "ok" });
  } catch (error) {
    console.error(JSON.stringify({ msg: "health check failed", error: String(error) }));
    return c.json({ status: "unavailable" }, 503);
  }
}
