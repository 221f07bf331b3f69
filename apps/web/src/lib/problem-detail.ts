/**
 * What a refused response from the server's own routes says (RFC 9457 problem details, whose
 * `detail` is written for people), or `fallback` when its body is not one.
 */
export async function problemDetail(response: Response, fallback: string): Promise<string> {
  const body = (await response.json().catch(() => null)) as { detail?: unknown } | null;
  return typeof body?.detail === "string" && body.detail ? body.detail : fallback;
}
