/**
 * Reads at least `bytes` from the start of `body` (fewer if it ends first) and returns them
 * with a stream that yields the whole body again, head included, without buffering the rest.
 */
export async function readHead(body: ReadableStream<Uint8Array>, bytes: number) {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  while (length < bytes) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.byteLength;
  }
  const head = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    head.set(chunk, offset);
    offset += chunk.byteLength;
  }
  let headSent = false;
  const whole = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headSent) {
        headSent = true;
        if (head.byteLength > 0) {
          controller.enqueue(head);
          return;
        }
      }
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  return { head, whole };
}
