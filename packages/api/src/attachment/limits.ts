/** Largest single attachment: 10 MiB. */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

/** What one user may store in attachments altogether: 100 MiB. */
export const ATTACHMENT_QUOTA_BYTES = 100 * 1024 * 1024;
