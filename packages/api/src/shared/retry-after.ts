// Zod-free, so the server Worker's rate limiter can import it without evaluating the API at
// startup (ADR 090).

/** Seconds a rate-limited caller should wait; the limiter's windows are 60 s. */
export const RETRY_AFTER_SECONDS = 60;
