// scripts/deploy.mjs without an account: it refuses what it must refuse before doing anything,
// its steps run in the order the issue asks for, and a dry run never reaches the network.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { after, describe, it } from "node:test";
import { deployPlan, main, parseArgs, rollbackAdvice, runPlan } from "../deploy.mjs";
import { deployTarget, readWorkers, repoRoot } from "../lib/deploy-config.mjs";

const script = join(repoRoot, "scripts/deploy.mjs");

/**
 * Runs the deploy script as `pnpm run deploy` would and resolves to { code, output }. It must
 * refuse within seconds; if it does not, its whole process group (checks it may have started)
 * is ended.
 */
function deploy(args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const timer = setTimeout(() => process.kill(-child.pid, "SIGKILL"), 20_000);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code: signal ? signal : code, output });
    });
  });
}

const scratch = [];
after(() => {
  for (const folder of scratch) rmSync(folder, { recursive: true, force: true });
});

/** A git repository with an uncommitted file, to stand in for a dirty working tree. */
function dirtyRepository() {
  const folder = mkdtempSync(join(tmpdir(), "checkmark-dirty-"));
  scratch.push(folder);
  return new Promise((resolve, reject) => {
    const git = spawn("git", ["init", "-q", folder]);
    git.on("close", (code) => {
      if (code !== 0) return reject(new Error("git init failed"));
      writeFileSync(join(folder, "uncommitted.txt"), "work in progress\n");
      resolve(folder);
    });
  });
}

describe("pnpm run deploy", () => {
  it("refuses an environment the Workers do not define, naming those they do", async () => {
    await assert.rejects(main(["--env", "qa", "--dry-run"], { log: () => {} }), (error) => {
      assert.equal(error.exitCode, 2);
      assert.match(
        error.message,
        /unknown environment "qa"; the Workers define: staging, production/,
      );
      return true;
    });
  });

  it("refuses to run without an environment", async () => {
    await assert.rejects(main(["--dry-run"], { log: () => {} }), (error) => {
      assert.equal(error.exitCode, 2);
      assert.match(error.message, /name the environment to deploy/);
      return true;
    });
  });

  it("refuses a dirty working tree before running any check", async () => {
    const folder = await dirtyRepository();
    // The checks run `bash scripts/test.sh`: a stand-in bash first on PATH only says it ran.
    const bin = join(folder, ".bin");
    mkdirSync(bin);
    writeFileSync(join(bin, "bash"), "#!/bin/sh\necho 'the checks started'\nexit 1\n", {
      mode: 0o755,
    });
    // git reads the stand-in repository instead of this one (GIT_DIR and GIT_WORK_TREE).
    const { code, output } = await deploy(["--env", "staging", "--dry-run"], {
      GIT_DIR: join(folder, ".git"),
      GIT_WORK_TREE: folder,
      PATH: `${bin}${delimiter}${process.env.PATH}`,
    });
    assert.equal(code, 1, output);
    assert.match(output, /refusing to deploy: the working tree has changes that are not committed/);
    assert.match(output, /\?\? uncommitted\.txt/);
    assert.doesNotMatch(output, /checks/);
  });

  it("takes `--` from pnpm, --env=NAME, and refuses unknown arguments", () => {
    assert.deepEqual(parseArgs(["--", "--env", "staging", "--dry-run"]), {
      env: "staging",
      dryRun: true,
      secretsFile: null,
      help: false,
    });
    assert.equal(parseArgs(["--env=production"]).env, "production");
    assert.throws(() => parseArgs(["--force"]), /unknown argument --force/);
    assert.throws(() => parseArgs(["--env"]), /--env needs a value/);
  });
});

describe("the deploy plan", () => {
  const target = deployTarget(readWorkers(), "staging");

  it("checks, builds, migrates D1, deploys the server, then the web Worker, then smoke-checks", () => {
    const { steps } = deployPlan(target);
    assert.deepEqual(
      steps.map((step) => step.id),
      ["clean-tree", "checks", "build", "database", "server", "web", "smoke"],
    );
    // Only the last four touch the network (and need an account).
    assert.deepEqual(
      steps.map((step) => step.network),
      [false, false, false, true, true, true, true],
    );
    const database = steps.find((step) => step.id === "database");
    assert.match(database.commands.join("\n"), /d1 migrations apply DB --remote --env staging/);
  });

  it("targets the environment's own Workers, database and origin", () => {
    assert.equal(target.serverName, "checkmark-server-staging");
    assert.equal(target.webName, "checkmark-web-staging");
    assert.equal(target.database.name, "checkmark-staging");
    assert.equal(target.origin, "https://staging.checkmark.example.com");
  });

  it("in a dry run, runs the offline steps and only prints those that need the network", async () => {
    const ran = [];
    const step = (id, network) => ({
      id,
      network,
      title: id,
      commands: [`${id} command`],
      run: async () => ran.push(id),
    });
    const printed = [];
    await runPlan([step("a", false), step("b", true), step("c", false)], {
      dryRun: true,
      log: (line) => printed.push(line),
    });
    assert.deepEqual(ran, ["a", "c"]);
    assert.match(printed.join("\n"), /next {2}b\n {10}b command/);
  });

  it("stops at the first failing step", async () => {
    const ran = [];
    const steps = ["checks", "database", "server"].map((id) => ({
      id,
      network: id !== "checks",
      title: id,
      commands: [],
      run: async () => {
        ran.push(id);
        if (id === "checks") throw new Error("a test failed");
      },
    }));
    await assert.rejects(runPlan(steps, { log: () => {} }), /a test failed/);
    assert.deepEqual(ran, ["checks"]);
  });

  it("says which migrations a rollback cannot undo", () => {
    const state = {
      previous: { server: "server-v1", web: "web-v1" },
      appliedNow: ["0004_add_column.sql"],
      bookmark: "0000abcd",
    };
    const advice = rollbackAdvice(target, state);
    assert.match(advice, /wrangler rollback web-v1 --name checkmark-web-staging/);
    assert.match(advice, /wrangler rollback server-v1 --name checkmark-server-staging/);
    assert.ok(advice.indexOf("checkmark-web-staging") < advice.indexOf("checkmark-server-staging"));
    assert.match(
      advice,
      /does not undo the migrations this deploy applied to checkmark-staging: 0004_add_column\.sql/,
    );
    assert.match(advice, /time-travel restore DB --env staging --bookmark=0000abcd/);
    const none = rollbackAdvice(target, { ...state, appliedNow: [], bookmark: null });
    assert.match(none, /applied no migration/);
  });
});
