import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Plugin } from "vite";

/**
 * Scalar's browser build (one self-contained script, ~1.3 MB gzip), served as a static asset
 * of the web Worker for the /api/docs page only (src/api-docs.ts). It is emitted by the client
 * build, never imported, so it is in no Worker bundle and in no page's first load. The
 * version is in the file name: a new Scalar is a new URL.
 */
export function apiDocsAsset(): { plugin: Plugin; url: string } {
  const require = createRequire(import.meta.url);
  const entry = require.resolve("@scalar/api-reference");
  const file = join(dirname(entry), "browser/standalone.js");
  const { version } = JSON.parse(readFileSync(join(dirname(entry), "../package.json"), "utf8"));
  const fileName = `api-docs/scalar-${version}.js`;
  const url = `/${fileName}`;
  const plugin: Plugin = {
    name: "checkmark:api-docs-asset",
    applyToEnvironment: (environment) => environment.name === "client",
    generateBundle() {
      this.emitFile({ type: "asset", fileName, source: readFileSync(file) });
    },
    // `vite dev` has no client build: hand out the same file at the same URL.
    configureServer(server) {
      server.middlewares.use(url, (_request, response) => {
        response.setHeader("content-type", "text/javascript; charset=utf-8");
        response.end(readFileSync(file));
      });
    },
  };
  return { plugin, url };
}
