/** Why a whole file was refused; nothing was sent, so nothing was written. */
export type EventFileErrorCode = "FILE_TOO_LARGE" | "MALFORMED" | "NO_EVENTS" | "TOO_MANY_EVENTS";

export class EventFileError extends Error {
  override readonly name = "EventFileError";
  constructor(
    readonly code: EventFileErrorCode,
    message: string,
  ) {
    super(message);
  }
}
