import { describe, expect, it } from "vitest";
import { signUp } from "../fixtures";
import { countTodos, expectProblem, rpcPost } from "./helpers";

describe("request bodies", () => {
  it("over 1 MB are refused with 413 before anything is written", async () => {
    const user = await signUp();
    const before = await countTodos();
    const huge = JSON.stringify({ json: { text: "x".repeat(1024 * 1024) } });
    const response = await rpcPost("todo/create", huge, { cookie: user.cookie });
    await expectProblem(response, 413);
    expect(await countTodos()).toBe(before);
  });

  it("over 1 MB are refused even when streamed without a length", async () => {
    const user = await signUp();
    const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 20) return controller.close();
        sent++;
        controller.enqueue(chunk);
      },
    });
    const response = await rpcPost("todo/create", stream, { cookie: user.cookie });
    await expectProblem(response, 413);
  });

  it("that are malformed JSON get a 400, never a 500", async () => {
    const user = await signUp();
    const before = await countTodos();
    const response = await rpcPost("todo/create", '{"json": {"text": "unterminated', {
      cookie: user.cookie,
    });
    expect(response.status).toBe(400);
    expect(await response.text()).not.toMatch(/SyntaxError|at \w+ \(/);
    expect(await countTodos()).toBe(before);
  });
});
