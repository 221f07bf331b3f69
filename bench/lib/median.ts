// `pnpm bench --runs N`: the runs' reports have the same shape, so their median is taken leaf by
// leaf (every number is the median of that number over the runs; text comes from the first run).

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2
    ? (sorted[mid] ?? Number.NaN)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export function medianOf<T>(values: T[]): T {
  const first = values[0];
  if (typeof first === "number") {
    const numbers = values.filter((value): value is T & number => typeof value === "number");
    return median(numbers) as T;
  }
  if (Array.isArray(first)) {
    return first.map((_, i) => medianOf(values.map((value) => (value as unknown[])[i]))) as T;
  }
  if (first !== null && typeof first === "object") {
    const keys = new Set(values.flatMap((value) => Object.keys(value as object)));
    return Object.fromEntries(
      [...keys].map((key) => [
        key,
        medianOf(
          values
            .map((value) => (value as Record<string, unknown>)[key])
            .filter((v) => v !== undefined),
        ),
      ]),
    ) as T;
  }
  return first as T;
}
