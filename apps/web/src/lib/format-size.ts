const KB = 1024;
const MB = 1024 * KB;

/**
 * A file size as people read it: bytes under 1 KB, whole KB (rounded up) under 1 MB, then MB
 * to one decimal, without a ".0" ("100 MB", "1.5 MB").
 */
export function formatSize(bytes: number) {
  if (bytes < KB) return bytes === 1 ? "1 byte" : `${bytes} bytes`;
  if (bytes < MB) return `${Math.ceil(bytes / KB)} KB`;
  return `${Number((bytes / MB).toFixed(1))} MB`;
}
