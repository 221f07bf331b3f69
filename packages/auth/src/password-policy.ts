/** One password rule for the server (Better Auth) and the forms (zod). */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
