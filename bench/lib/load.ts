import autocannon from "autocannon";

export interface LoadResult {
  name: string;
  reqPerSec: number;
  p50: number;
  p99: number;
  /** Non-2xx answers: a figure with any is not a clean measurement. */
  errors: number;
  /** Answers by HTTP status, so a row with non-2xx says which. */
  statuses: Record<string, number>;
}

export const CONNECTIONS = 10;
export const DURATION_S = 8;

/**
 * Fixed connections and duration on loopback. `cookies`, when given, are used in turn, so
 * load can be spread over several users.
 */
export async function measure(
  name: string,
  url: string,
  options: { method?: "GET" | "POST"; body?: string; cookies?: string[] } = {},
): Promise<LoadResult> {
  const cookies = options.cookies ?? [];
  let next = 0;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION_S,
    method: options.method ?? "GET",
    headers: { "content-type": "application/json", "cf-connecting-ip": "198.51.100.7" },
    body: options.body,
    requests: [
      {
        setupRequest: (request) => {
          if (cookies.length === 0) return request;
          const cookie = cookies[next++ % cookies.length] ?? "";
          return { ...request, headers: { ...request.headers, cookie } };
        },
      },
    ],
  });
  return {
    name,
    reqPerSec: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.non2xx + result.errors + result.timeouts,
    statuses: Object.fromEntries(
      Object.entries(result.statusCodeStats ?? {}).map(([code, stat]) => [code, stat.count ?? 0]),
    ),
  };
}
