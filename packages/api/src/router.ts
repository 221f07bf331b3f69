import type { RouterClient } from "@orpc/server";
import { accountRouter } from "./account/router";
import { adminRouter } from "./admin/router";
import { apiKeyRouter } from "./api-key/router";
import { attachmentRouter } from "./attachment/router";
import { devMailboxRouter } from "./dev-mailbox/router";
import { deviceRouter } from "./device/router";
import { eventRouter } from "./event/router";
import { healthCheck } from "./health/router";
import { passkeyRouter } from "./passkey/router";
import { reminderRouter } from "./reminder/router";
import { todoRouter } from "./todo/router";
import { twoFactorRouter } from "./two-factor/router";

export const appRouter = {
  healthCheck,
  account: accountRouter,
  todo: todoRouter,
  event: eventRouter,
  attachment: attachmentRouter,
  reminder: reminderRouter,
  apiKey: apiKeyRouter,
  device: deviceRouter,
  twoFactor: twoFactorRouter,
  passkey: passkeyRouter,
  devMailbox: devMailboxRouter,
  admin: adminRouter,
};

export type AppRouter = typeof appRouter;
/** The typed client every caller (web SSR, browser, tests) gets. */
export type AppRouterClient = RouterClient<AppRouter>;
