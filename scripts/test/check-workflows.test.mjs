// The workflow check fails on a broken copy of the CI workflow and on a missing one.
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { lintWorkflows } from "../check-workflows.mjs";

const workflows = join(import.meta.dirname, "../../.github/workflows");
const scratch = [];
after(() => {
  for (const folder of scratch) rmSync(folder, { recursive: true, force: true });
});

function brokenCopy(edit) {
  const folder = mkdtempSync(join(tmpdir(), "checkmark-workflows-"));
  scratch.push(folder);
  cpSync(workflows, folder, { recursive: true });
  const file = join(folder, "ci.yml");
  const before = readFileSync(file, "utf8");
  const broken = edit(before);
  assert.notEqual(broken, before);
  writeFileSync(file, broken);
  return folder;
}

describe("check-workflows (actionlint)", () => {
  it("finds nothing wrong in the repository's workflows", async () => {
    assert.deepEqual((await lintWorkflows(workflows)).problems, []);
  });

  it("fails on a misspelt action input, an unknown context and a bad runner label", async () => {
    const folder = brokenCopy((text) =>
      text
        .replace("fetch-depth: 0", "fetch-dept: 0")
        .replace("secrets.CLOUDFLARE_ACCOUNT_ID", "secret.CLOUDFLARE_ACCOUNT_ID")
        .replace(
          "runs-on: ubuntu-24.04\n    container: node:24-bookworm\n    timeout-minutes: 45",
          "runs-on: ubuntu-14.04\n    container: node:24-bookworm\n    timeout-minutes: 45",
        ),
    );
    const { problems } = await lintWorkflows(folder);
    assert.ok(
      problems.some((p) => /input "fetch-dept" is not defined/.test(p)),
      problems.join("\n"),
    );
    assert.ok(
      problems.some((p) => /undefined variable "secret"/.test(p)),
      problems.join("\n"),
    );
    assert.ok(
      problems.some((p) => /label "ubuntu-14.04" is unknown/.test(p)),
      problems.join("\n"),
    );
  });

  it("fails when there is no workflow", async () => {
    const empty = mkdtempSync(join(tmpdir(), "checkmark-no-workflows-"));
    scratch.push(empty);
    await assert.rejects(lintWorkflows(empty), /no workflow/);
  });
});
