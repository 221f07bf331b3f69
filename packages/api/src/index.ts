export type { Context } from "./context";
export { protectedProcedure, publicProcedure } from "./procedures";
export { type AppRouter, type AppRouterClient, appRouter } from "./router";
