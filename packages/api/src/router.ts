import type { RouterClient } from "@orpc/server";
import { accountRouter } from "./account/router";
import { apiKeyRouter } from "./api-key/router";
import { devMailboxRouter } from "./dev-mailbox/router";
import { frontendErrorRouter } from "./frontend-error/router";
import { healthCheck } from "./health/router";
import { todoRouter } from "./todo/router";

export const appRouter = {
  healthCheck,
  account: accountRouter,
  todo: todoRouter,
  apiKey: apiKeyRouter,
  devMailbox: devMailboxRouter,
  admin: { frontendErrors: frontendErrorRouter },
};

export type AppRouter = typeof appRouter;
/** The typed client every caller (web SSR, browser, tests) gets. */
export type AppRouterClient = RouterClient<AppRouter>;
