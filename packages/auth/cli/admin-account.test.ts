// Node's own test runner (`pnpm --filter @checkmark/auth test`): the command's rules and SQL,
// and the hash it writes checked with the function the app verifies sign-ins with.
import assert from "node:assert/strict";
import { test } from "node:test";
import { hashPassword, verifyPassword } from "better-auth/crypto";
import {
  AdminCommandError,
  checkEmail,
  checkName,
  checkPassword,
  createAdminSql,
  findUserSql,
  parseArgs,
  textLiteral,
} from "./admin-account.ts";

test("emails are lower-cased, and anything that is not a plain address is refused", () => {
  assert.equal(checkEmail(" Ada@Example.COM "), "ada@example.com");
  for (const bad of ["", "ada", "ada@", "a'b@example.com", "a b@example.com", "x@y", "a@b.c'--"]) {
    assert.throws(() => checkEmail(bad), AdminCommandError, bad);
  }
});

test("the password follows the app's policy: 8 to 128 characters", () => {
  assert.throws(() => checkPassword("seven77"), /at least 8/);
  assert.throws(() => checkPassword("x".repeat(129)), /at most 128/);
  assert.equal(checkPassword("eight888"), "eight888");
});

test("the name follows the app's display-name rule", () => {
  assert.throws(() => checkName(undefined), /Enter your name/);
  assert.throws(() => checkName("two\nlines"), AdminCommandError);
  assert.equal(checkName("  Ada O'Brien "), "Ada O'Brien");
});

test("a password never comes from an argument, and --email is required", () => {
  assert.throws(() => parseArgs(["--email", "a@example.com", "--password", "x"]), /never taken/);
  assert.throws(() => parseArgs(["--name", "Ada"]), /--email is required/);
  assert.deepEqual(
    parseArgs(["--email", "A@example.com", "--remote", "--env", "production", "--password-stdin"]),
    {
      email: "a@example.com",
      name: undefined,
      remote: true,
      passwordStdin: true,
      stateDir: undefined,
      env: "production",
    },
  );
});

test("--remote names the deployed environment, since the top level of wrangler.jsonc is local only", () => {
  assert.throws(() => parseArgs(["--email", "a@example.com", "--remote"]), /--remote needs --env/);
  assert.throws(
    () => parseArgs(["--email", "a@example.com", "--remote", "--env", "prod; rm -rf /"]),
    /names an environment/,
  );
});

test("every text value reaches SQL as a hex literal, so quotes in it cannot end the string", () => {
  const literal = textLiteral("x'); DROP TABLE user; --");
  assert.match(literal, /^CAST\(X'[0-9a-f]+' AS TEXT\)$/);
  assert.doesNotMatch(findUserSql("ada@example.com"), /ada@example\.com/);
});

test("the stored hash is Better Auth's scrypt: the app's verifier accepts the password", async () => {
  const hash = await hashPassword("a long enough password");
  const sql = createAdminSql({
    id: "u1",
    accountId: "a1",
    email: "ada@example.com",
    name: "Ada",
    passwordHash: hash,
    now: 1,
  });
  assert.ok(sql.includes(textLiteral(hash)));
  assert.match(sql, /'credential'/);
  assert.match(sql, /, 1, 'admin', 1, 1\)/, "confirmed admin");
  assert.equal(await verifyPassword({ hash, password: "a long enough password" }), true);
  assert.equal(await verifyPassword({ hash, password: "another password" }), false);
  assert.throws(
    () =>
      createAdminSql({
        id: "u",
        accountId: "a",
        email: "e",
        name: "n",
        passwordHash: "plain",
        now: 1,
      }),
    /format/,
  );
});
