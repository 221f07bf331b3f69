/** A type we accept: what its first bytes look like, and the names it may carry. */
interface FileType {
  contentType: string;
  extensions: string[];
  matches(head: Uint8Array): boolean;
}

const startsWith = (head: Uint8Array, bytes: number[], offset = 0) =>
  bytes.every((byte, i) => head[offset + i] === byte);
const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

// Images and PDFs only: each has a signature, so the content proves the type. Text, HTML and
// SVG have none (and the last two can carry script), so they are not on the list.
const ALLOWED: FileType[] = [
  {
    contentType: "image/png",
    extensions: ["png"],
    matches: (h) => startsWith(h, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  },
  {
    contentType: "image/jpeg",
    extensions: ["jpg", "jpeg"],
    matches: (h) => startsWith(h, [0xff, 0xd8, 0xff]),
  },
  {
    contentType: "image/gif",
    extensions: ["gif"],
    matches: (h) => startsWith(h, ascii("GIF87a")) || startsWith(h, ascii("GIF89a")),
  },
  {
    contentType: "image/webp",
    extensions: ["webp"],
    matches: (h) => startsWith(h, ascii("RIFF")) && startsWith(h, ascii("WEBP"), 8),
  },
  {
    contentType: "application/pdf",
    extensions: ["pdf"],
    matches: (h) => startsWith(h, ascii("%PDF-")),
  },
];

/** Bytes needed to recognise any allowed type. */
export const SIGNATURE_BYTES = 12;

/** The allowed type whose signature `head` starts with and whose extension `name` has, or null. */
export function detectFileType(head: Uint8Array, name: string): string | null {
  const extension = name.toLowerCase().split(".").at(-1) ?? "";
  const type = ALLOWED.find((candidate) => candidate.matches(head));
  return type?.extensions.includes(extension) ? type.contentType : null;
}

export const ALLOWED_EXTENSIONS = ALLOWED.flatMap((type) => type.extensions);
