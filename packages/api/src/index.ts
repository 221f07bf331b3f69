export { detectFileType, SIGNATURE_BYTES } from "./attachment/file-type";
export { ATTACHMENT_MAX_BYTES, ATTACHMENT_QUOTA_BYTES } from "./attachment/limits";
export * as attachments from "./attachment/service";
export type { Context } from "./context";
export { frontendErrorReportSchema } from "./frontend-error/schema";
export { recordFrontendError } from "./frontend-error/service";
export { adminProcedure, protectedProcedure, publicProcedure } from "./procedures";
export { type AppRouter, type AppRouterClient, appRouter } from "./router";
