// Running the tools a deploy is made of (git, pnpm exec wrangler, vite), with their output
// either shown as it comes or kept for when they fail.
import { spawn } from "node:child_process";

export class CommandFailed extends Error {
  constructor(display, code, output) {
    super(`${display} exited with ${code}${output ? `:\n${output.trimEnd()}` : ""}`);
    this.code = code;
  }
}

/**
 * Runs `command args` in `cwd`. `quiet` keeps stdout and stderr and prints them only when the
 * command fails; otherwise they go straight to the terminal. Resolves to the stdout text.
 */
export function run(command, args, { cwd, env, quiet = false, display } = {}) {
  const shown = display ?? [command, ...args].join(" ");
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ["inherit", quiet ? "pipe" : "inherit", quiet ? "pipe" : "inherit"],
    });
    let stdout = "";
    let output = "";
    child.stdout?.on("data", (chunk) => {
      stdout += chunk;
      output += chunk;
    });
    child.stderr?.on("data", (chunk) => {
      output += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve(stdout);
      else reject(new CommandFailed(shown, code, quiet ? output : ""));
    });
  });
}

/** Like `run`, for commands whose JSON answer is wanted; the terminal sees nothing. */
export async function runJson(command, args, options = {}) {
  const stdout = await run(command, args, { ...options, quiet: true });
  return JSON.parse(stdout);
}
