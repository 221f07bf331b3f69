export { type Auth, type AuthRequestScope, createAuth, EMAIL_LINK_LIFETIME_SECONDS } from "./auth";
export { type AuthEnv, listOrigins } from "./env";
export { NAME_MAX_LENGTH, nameProblem } from "./name-policy";
export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password-policy";
export { readSession, type SessionResult, type SessionUser } from "./session";
