import { createInterface } from "node:readline";
import { AdminCommandError } from "./admin-account.ts";

/** The whole of stdin, without its final newline (`printf %s "$PW" | … --password-stdin`). */
async function readStdin(): Promise<string> {
  let text = "";
  for await (const chunk of process.stdin) text += chunk;
  return text.replace(/\r?\n$/, "");
}

/** Asks on the terminal without echoing what is typed. */
function prompt(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const output = rl as unknown as { _writeToOutput: (s: string) => void };
    let asked = false;
    output._writeToOutput = (s: string) => {
      if (!asked) process.stdout.write(s);
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    });
    asked = true;
    rl.on("SIGINT", () => reject(new AdminCommandError("cancelled")));
  });
}

export async function readPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin) return readStdin();
  if (!process.stdin.isTTY) {
    throw new AdminCommandError(
      "no terminal to ask for the password on: pass it with --password-stdin",
    );
  }
  const first = await prompt("Password for the admin: ");
  const again = await prompt("Same password again: ");
  if (first !== again) throw new AdminCommandError("the two passwords differ");
  return first;
}
