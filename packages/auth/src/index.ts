export { type Auth, type AuthRequestScope, createAuth } from "./auth";
export { type AuthEnv, listOrigins } from "./env";
export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password-policy";
export { readSession, type SessionResult, type SessionUser } from "./session";
