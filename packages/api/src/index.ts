export { findApiKey } from "./api-key/service";
export type { Context } from "./context";
export { baseErrors, RETRY_AFTER_SECONDS } from "./errors";
export { frontendErrorReportSchema } from "./frontend-error/schema";
export { recordFrontendError } from "./frontend-error/service";
export type { ProcedureMeta } from "./procedures";
export { adminProcedure, protectedProcedure, publicProcedure } from "./procedures";
export { type AppRouter, type AppRouterClient, appRouter } from "./router";
