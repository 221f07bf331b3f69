// Browser-safe entry: zod schemas and limits only, no server code.
export type {
  ChangeEmailInput,
  ChangeNameInput,
  ChangePasswordInput,
  ConfirmEmailInput,
  DeleteAccountInput,
  ForgotPasswordInput,
  ResetPasswordInput,
  RestoreEmailInput,
  SignInInput,
  SignUpInput,
} from "./account/schema";
export {
  changeEmailSchema,
  changeNameSchema,
  changePasswordSchema,
  confirmEmailSchema,
  currentPasswordSchema,
  deleteAccountFormSchema,
  deleteAccountSchema,
  emailLinkSchema,
  emailSchema,
  forgotPasswordSchema,
  nameSchema,
  passwordSchema,
  resetPasswordSchema,
  restoreEmailSchema,
  secondFactorCodeSchema,
  signInSchema,
  signUpSchema,
} from "./account/schema";
export {
  BAN_REASON_MAX,
  type BanFormValues,
  banEndOf,
  banFormSchema,
  type CreateUserInput,
  createUserSchema,
} from "./admin/user-forms";
export {
  USER_LIST_DEFAULTS,
  USER_SEARCH_MAX,
  USER_SORT_DIRECTIONS,
  USER_SORTS,
  type UserSort,
  type UserSortDirection,
} from "./admin/user-list-options";
export {
  API_KEY_SCOPES,
  type ApiKeyScope,
  type ApiKeySummary,
  createApiKeySchema,
} from "./api-key/schema";
export type { AttachmentParent } from "./attachment/schema";
export type { Device } from "./device/schema";
export {
  EVENT_DESCRIPTION_MAX,
  EVENT_LOCATION_MAX,
  EVENT_TITLE_MAX,
  type EventFieldsInput,
  eventFieldsSchema,
  timeZoneSchema,
} from "./event/fields";
export {
  EVENT_FILE_MAX_BYTES,
  EVENT_IMPORT_MAX_ROWS,
  type EventImportFailure,
  type EventImportProgress,
  type EventImportRow,
  eventImportProgressSchema,
  eventImportRowSchema,
} from "./event/import-row";
export {
  EVENT_LIST_DIRECTIONS,
  type EventListDirection,
} from "./event/list-direction";
export type { Event } from "./event/schema";
export {
  type AllowPasskeyRegistrationInput,
  allowPasskeyRegistrationSchema,
} from "./passkey/schema";
export {
  REMINDER_MINUTES_OPTIONS,
  type ReminderSetting,
  reminderSettingSchema,
} from "./reminder/minutes";
export { calendarDateSchema } from "./shared/calendar-date";
export { LIVE_TOPICS, type LiveTopic } from "./shared/live-topic";
export { todoDueDateSchema } from "./todo/due-date";
export type { ListedTodo, Todo, TodoCounts } from "./todo/schema";
export { type TodoSearch, todoSearchSchema } from "./todo/search";
export {
  TODO_SEARCH_DEFAULTS,
  TODO_SEARCH_MAX,
  TODO_SORTS,
  TODO_STATUSES,
  type TodoSort,
  type TodoStatus,
} from "./todo/search-options";
export { TODO_TEXT_MAX, todoTextSchema } from "./todo/text";
export { backupCodeSchema, passkeyNameSchema, totpCodeSchema } from "./two-factor/schema";
