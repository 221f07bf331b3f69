export type { Context } from "./context";
export { frontendErrorReportSchema } from "./frontend-error/schema";
export { recordFrontendError } from "./frontend-error/service";
export { adminProcedure, protectedProcedure, publicProcedure } from "./procedures";
export { type AppRouter, type AppRouterClient, appRouter } from "./router";
