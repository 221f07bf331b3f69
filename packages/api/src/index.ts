export { accountIcsStream, accountJsonStream } from "./account/export";
export { findApiKey } from "./api-key/service";
export { detectFileType, SIGNATURE_BYTES } from "./attachment/file-type";
export { ATTACHMENT_MAX_BYTES, ATTACHMENT_QUOTA_BYTES } from "./attachment/limits";
export type { AttachmentParent } from "./attachment/schema";
export * as attachments from "./attachment/service";
export type { Context } from "./context";
export { lastSeenIsStale, noteSessionSeen } from "./device/service";
export { baseErrors, RETRY_AFTER_SECONDS } from "./errors";
export { frontendErrorReportSchema } from "./frontend-error/schema";
export { recordFrontendError } from "./frontend-error/service";
export type { ProcedureMeta } from "./procedures";
export { adminProcedure, protectedProcedure, publicProcedure } from "./procedures";
export {
  REMINDER_MAILS_PER_DAY,
  REMINDER_RESYNCS_PER_HOUR,
  reminderMailIdentifier,
  spendReminderMail,
} from "./reminder/budget";
export { dueReminderMail } from "./reminder/mail";
export { type ReminderParams, reminderParamsSchema } from "./reminder/params";
export {
  REMINDER_HORIZON_MS,
  type ReminderDeps,
  resyncUserReminders,
  TOP_UP_PER_RUN,
  TOP_UP_PER_USER_PER_RUN,
  topUpReminders,
} from "./reminder/schedule";
export { createReminderScheduler } from "./reminder/scheduler";
export { type AppRouter, type AppRouterClient, appRouter } from "./router";
export type { LiveTopic } from "./shared/live-topic";
export { rowLimits } from "./shared/row-limits";
