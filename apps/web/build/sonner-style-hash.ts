import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/**
 * The CSP sources for the one inline stylesheet the app allows: the CSS that sonner (the toast
 * library) adds in a <style> element when it loads. It carries no nonce, so the policy names
 * its exact text by SHA-256 instead (any other inline style stays blocked). sonner inserts the
 * element empty and fills it after, so the empty text's hash is allowed too (it styles
 * nothing). Read from the installed package at build time, so an upgrade brings its own hash.
 */
export function sonnerStyleHashes(): string {
  const entry = createRequire(import.meta.url).resolve("sonner");
  const source = readFileSync(join(dirname(entry), "index.mjs"), "utf8");
  const literal = /__insertCSS\(("(?:[^"\\]|\\.)*")\)/.exec(source)?.[1];
  if (!literal) {
    throw new Error('sonner-style-hash: no __insertCSS("…") call in sonner; check how it styles');
  }
  const css: string = JSON.parse(literal);
  return [css, ""].map((text) => `'sha256-${sha256(text)}'`).join(" ");
}

function sha256(text: string) {
  return createHash("sha256").update(text, "utf8").digest("base64");
}
