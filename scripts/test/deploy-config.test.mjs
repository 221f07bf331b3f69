// scripts/check-deploy-config.mjs's rules, each shown failing on a copy of the repository's
// configs broken in the one way it guards against (and passing on the real ones).
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { checkDeployConfig, envUses, repoRoot } from "../lib/deploy-config.mjs";

const SERVER = "apps/server/wrangler.jsonc";
const WEB = "apps/web/wrangler.jsonc";
const copies = [];

/** A copy of what the checker reads (configs and sources), with `edits` applied to files. */
function copyWith(edits = {}) {
  const root = mkdtempSync(join(tmpdir(), "checkmark-deploy-config-"));
  copies.push(root);
  for (const path of ["apps/server/src", "apps/web/src", "packages", SERVER, WEB]) {
    cpSync(join(repoRoot, path), join(root, path), {
      recursive: true,
      filter: (source) => !source.includes("node_modules") && !source.includes("migrations"),
    });
  }
  for (const [file, edit] of Object.entries(edits)) {
    const path = join(root, file);
    let before = "";
    try {
      before = readFileSync(path, "utf8");
    } catch {}
    const afterEdit = edit(before);
    assert.notEqual(afterEdit, before, `the edit of ${file} changed nothing`);
    writeFileSync(path, afterEdit);
  }
  return root;
}

/** Replaces the n-th (0-based) occurrence of `from`. */
function replaceNth(text, from, to, n) {
  let index = -1;
  for (let i = 0; i <= n; i++) {
    index = text.indexOf(from, index + 1);
    assert.ok(index >= 0, `occurrence ${n} of ${from} not found`);
  }
  return text.slice(0, index) + to + text.slice(index + from.length);
}

function problemsOf(edits) {
  return checkDeployConfig(copyWith(edits)).problems;
}

function assertProblem(problems, pattern) {
  assert.ok(
    problems.some((problem) => pattern.test(problem)),
    `expected a problem matching ${pattern}, got:\n  ${problems.join("\n  ") || "(none)"}`,
  );
}

after(() => {
  for (const root of copies) rmSync(root, { recursive: true, force: true });
});

describe("check-deploy-config", () => {
  it("passes on the repository's configs", () => {
    assert.deepEqual(checkDeployConfig(copyWith()).problems, []);
  });

  it("fails when an environment builds its own code (main, no_bundle, ...)", () => {
    const problems = problemsOf({
      [SERVER]: (text) => text.replace('"staging": {', '"staging": {\n      "no_bundle": false,'),
    });
    assertProblem(problems, /\[env\.staging\]: no_bundle differs from the top level/);
  });

  it("fails on a localhost origin in an environment's vars", () => {
    const problems = problemsOf({
      [SERVER]: (text) =>
        text.replace(
          '"TRUSTED_ORIGINS": "",\n        "AUTH_ALLOWED_HOSTS": "",\n        "MAIL_TRANSPORT": "resend",\n        "MAIL_FROM": "Checkmark <',
          '"TRUSTED_ORIGINS": "http://localhost:3001",\n        "AUTH_ALLOWED_HOSTS": "",\n        "MAIL_TRANSPORT": "resend",\n        "MAIL_FROM": "Checkmark <',
        ),
    });
    assertProblem(problems, /\[env\.production\]: var TRUSTED_ORIGINS names a development origin/);
  });

  it("fails when workers_dev is left to wrangler's default", () => {
    const problems = problemsOf({ [WEB]: (text) => text.replace('"workers_dev": false,', "") });
    assertProblem(problems, /apps\/web\/wrangler\.jsonc \[env\.staging\]: set workers_dev/);
  });

  it("fails when the server gets a public URL in an environment", () => {
    const problems = problemsOf({
      [SERVER]: (text) => text.replace('"staging": {', '"staging": {\n      "workers_dev": true,'),
    });
    assertProblem(
      problems,
      /\[env\.staging\]: the server Worker is reached only through its service binding/,
    );
  });

  it("fails when the web Worker binds another environment's server", () => {
    const problems = problemsOf({
      [WEB]: (text) =>
        text.replace(
          '"service": "checkmark-server-staging"',
          '"service": "checkmark-server-production"',
        ),
    });
    assertProblem(
      problems,
      /\[env\.staging\]: service binding SERVER names checkmark-server-production, the production Worker; this environment's is checkmark-server-staging/,
    );
  });

  it("fails when an environment binds the top-level server (wrangler's default name)", () => {
    const problems = problemsOf({
      [WEB]: (text) =>
        text.replace('"service": "checkmark-server-production"', '"service": "checkmark-server"'),
    });
    assertProblem(
      problems,
      /\[env\.production\]: service binding SERVER names checkmark-server, the top-level Worker/,
    );
  });

  it("fails when a binding added at the top level is missing from an environment", () => {
    const problems = problemsOf({
      [SERVER]: (text) =>
        text.replace(
          '"d1_databases": [',
          '"analytics_engine_datasets": [{ "binding": "METRICS", "dataset": "checkmark-metrics" }],\n  "d1_databases": [',
        ),
    });
    assertProblem(
      problems,
      /\[env\.staging\]: binding METRICS is declared at the top level but not here/,
    );
    assertProblem(
      problems,
      /\[env\.production\]: binding METRICS is declared at the top level but not here/,
    );
  });

  it("fails when the code reads a binding an environment does not declare", () => {
    const problems = problemsOf({
      "packages/api/src/uses-queue.ts": () =>
        "export const send = (env: { JOBS: Queue }) => env.JOBS.send({});\n",
    });
    assertProblem(
      problems,
      /\[env\.staging\]: packages\/api\/src\/uses-queue\.ts:1 reads env\.JOBS/,
    );
    assertProblem(
      problems,
      /\[env\.production\]: packages\/api\/src\/uses-queue\.ts:1 reads env\.JOBS/,
    );
  });

  it("fails when an environment drops a secret the code reads", () => {
    const problems = problemsOf({
      [SERVER]: (text) =>
        replaceNth(
          text,
          '"required": ["BETTER_AUTH_SECRET", "RESEND_API_KEY"]',
          '"required": ["BETTER_AUTH_SECRET"]',
          1,
        ),
    });
    assertProblem(
      problems,
      /\[env\.production\]: packages\/auth\/src\/mail\/create-mailer\.ts:\d+ reads env\.RESEND_API_KEY/,
    );
  });

  it("fails when two environments share a D1 database", () => {
    const problems = problemsOf({
      [SERVER]: (text) =>
        text.replace(
          '"database_name": "checkmark-production"',
          '"database_name": "checkmark-staging"',
        ),
    });
    assertProblem(
      problems,
      /\[env\.production\]: DB uses d1_databases checkmark-staging, which env\.staging uses too/,
    );
  });

  it("fails when two environments share a rate-limit namespace", () => {
    const problems = problemsOf({
      [SERVER]: (text) => text.replace('"namespace_id": "3002"', '"namespace_id": "2002"'),
    });
    assertProblem(problems, /\[env\.production\]: AUTH_LIMITER uses ratelimits 2002/);
  });

  it("fails when no route serves an environment's public origin", () => {
    const problems = problemsOf({
      [SERVER]: (text) =>
        text.replace(
          '"https://staging.checkmark.example.com"',
          '"https://beta.checkmark.example.com"',
        ),
    });
    assertProblem(
      problems,
      /apps\/web\/wrangler\.jsonc \[env\.staging\]: no route serves beta\.checkmark\.example\.com/,
    );
  });

  it("fails when an environment has no public origin", () => {
    const problems = problemsOf({
      [SERVER]: (text) => text.replace('"BETTER_AUTH_URL": "https://checkmark.example.com",', ""),
    });
    assertProblem(problems, /\[env\.production\]: set var BETTER_AUTH_URL/);
  });

  it("fails when one Worker lacks an environment the other has", () => {
    const problems = problemsOf({
      [WEB]: (text) =>
        text.replace(/\/\/ Deploys as the Worker "checkmark-web-production"[\s\S]*?\n {4}\}\n/, ""),
    });
    assertProblem(problems, /apps\/web\/wrangler\.jsonc: env\.production is missing/);
  });
});

describe("check-deploy-config on a config wrangler itself rejects", () => {
  it("fails with wrangler's message", () => {
    const root = copyWith({
      [SERVER]: (text) =>
        text.replace(
          '"namespace_id": "3001", "simple": { "limit": 300, "period": 60 }',
          '"namespace_id": "3001", "simple": { "limit": 300, "period": 7 }',
        ),
    });
    assert.throws(
      () => checkDeployConfig(root),
      /env\.production\.ratelimits\[0\]" bindings "simple\.period" must be either 10 or 60/,
    );
  });
});

describe("envUses", () => {
  it("finds env.X, c.env.X, env['X'] and destructuring, not process.env or import.meta.env", () => {
    const text = [
      "const a = c.env.DB;",
      "const b = env.SERVER.fetch(request);",
      'const c = env["CACHE"];',
      "const { QUEUE, OTHER: renamed } = env;",
      "const d = process.env.NODE_ENV;",
      "const e = import.meta.env.PROD;",
      "const f = myenv.NOT_THIS;",
    ].join("\n");
    assert.deepEqual(
      envUses(text)
        .map((use) => use.name)
        .sort(),
      ["CACHE", "DB", "OTHER", "QUEUE", "SERVER"],
    );
  });
});
