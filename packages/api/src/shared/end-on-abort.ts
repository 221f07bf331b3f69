// A streaming procedure whose client goes away (the request's signal aborts, with the
// enable_request_signal flag) must stop and run its `finally`. Two places it can be stuck
// (STACK-NOTES 17): paused at a `yield` for a reader that never comes back, or awaiting I/O
// of the cancelled request, which never settles.

/** Ends the generator on abort: paused at a `yield`, `return()` resumes it into `finally`. */
export function endOnAbort<T>(
  generator: AsyncGenerator<T>,
  signal: AbortSignal | undefined,
): AsyncGenerator<T> {
  signal?.addEventListener("abort", () => void generator.return(undefined).catch(() => {}), {
    once: true,
  });
  return generator;
}

export class Aborted extends Error {
  override readonly name = "Aborted";
}

/** `work`, or an `Aborted` rejection as soon as the signal aborts, whichever comes first. */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) return Promise.reject(new Aborted());
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(new Aborted());
    signal.addEventListener("abort", abort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", abort));
  });
}

/** `generator`, then `after` once it ends for any reason: done, failed or aborted. */
export async function* thenFinally<T>(
  generator: AsyncGenerator<T>,
  after: () => void,
): AsyncGenerator<T> {
  try {
    yield* generator;
  } finally {
    after();
  }
}
