export { errorFields } from "./error-fields";
export { redactPath } from "./redact-path";
export { withoutQueryParams } from "./without-query-params";
export { withoutUrlQueries } from "./without-url-queries";
export { writeLog } from "./write-log";
