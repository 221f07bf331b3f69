/**
 * Live (unexpired) API keys one user may hold at once. Each key has its own rate-limit budget,
 * so this also bounds one account's requests per minute (docs/decisions/114).
 */
export const API_KEY_LIMIT = 10;
