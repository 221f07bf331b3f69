// The server Worker's build (docs/decisions/097), run by wrangler itself: wrangler.jsonc's
// `build.command`, before every `wrangler deploy`, `wrangler dev` and dry run. It bundles
// src/index.ts into an entry module plus chunks in build/, which wrangler uploads as they are
// (`no_bundle`, `find_additional_modules`). Code the entry reaches only through `import()` lands
// in chunks of its own, so startup neither evaluates nor even parses it: workerd compiles a
// module when it is first imported. wrangler's own esbuild (one file) cannot split.
//
// Options follow what wrangler's bundler sets for a modules Worker (target, conditions,
// keep-names, minify, NODE_ENV), plus the aliases declared in wrangler.jsonc. Everything from
// cloudflare:* and node:* is the runtime's (nodejs_compat), so it stays an import.
import { rmSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { unstable_readConfig } from "wrangler";

const root = join(import.meta.dirname, "..");
const outdir = join(root, "build");
const { alias } = unstable_readConfig(
  { config: join(root, "wrangler.jsonc") },
  { hideWarnings: true },
);

// A chunk left from an earlier build would be uploaded too.
rmSync(outdir, { recursive: true, force: true });
const started = Date.now();
const result = await build({
  entryPoints: { index: join(root, "src/index.ts") },
  absWorkingDir: root,
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  target: "es2024",
  // Syntax newer than es2024 that workerd runs as written (as wrangler sets it).
  supported: { "import-source": true, using: true },
  conditions: ["workerd", "worker", "browser"],
  external: ["cloudflare:*", "node:*"],
  alias,
  define: { "process.env.NODE_ENV": '"production"' },
  minify: true,
  keepNames: true,
  sourcemap: "linked",
  chunkNames: "chunks/[name]-[hash]",
  // .mjs under chunks/: wrangler.jsonc's module rule names exactly these files.
  outExtension: { ".js": ".mjs" },
  metafile: true,
  logLevel: "warning",
});
const files = Object.keys(result.metafile.outputs).filter((file) => file.endsWith(".mjs"));
console.log(`server bundle: ${files.length} modules in build/ (${Date.now() - started} ms)`);
