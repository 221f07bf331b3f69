/**
 * The request's body, read to its end only while it stays within `maxBytes`: `null` as soon as
 * it goes over, having buffered at most `maxBytes` plus one chunk. A body that says its length
 * is judged on that first, so an honest large upload is refused before any of it is read; one
 * sent in chunks, with no length, is read as it arrives and stopped at the cap.
 */
export async function readBodyWithin(request: Request, maxBytes: number) {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) return null;
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.byteLength;
    if (length > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
