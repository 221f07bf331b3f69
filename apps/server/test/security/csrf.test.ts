import { describe, expect, it } from "vitest";
import { authPost, signUp, uniqueEmail } from "../fixtures";
import { countTodos, expectProblem, rpcPost } from "./helpers";

const createBody = JSON.stringify({ json: { text: "planted by another site" } });

describe("cross-site request forgery", () => {
  it("refuses a state change from a foreign Origin with 403, writing nothing", async () => {
    const user = await signUp();
    const before = await countTodos();
    const response = await rpcPost("todo/create", createBody, {
      cookie: user.cookie,
      origin: "https://evil.example",
    });
    await expectProblem(response, 403);
    expect(await countTodos()).toBe(before);
  });

  it("refuses a cross-site browser request even without an Origin header", async () => {
    const user = await signUp();
    const before = await countTodos();
    const response = await rpcPost("todo/create", createBody, {
      cookie: user.cookie,
      "sec-fetch-site": "cross-site",
    });
    await expectProblem(response, 403);
    expect(await countTodos()).toBe(before);
  });

  it("refuses form-encoded and text/plain bodies, which any site can post, with 415", async () => {
    const user = await signUp();
    const before = await countTodos();
    for (const type of [
      "application/x-www-form-urlencoded",
      "text/plain",
      "multipart/form-data; boundary=x",
    ]) {
      const response = await rpcPost("todo/create", createBody, {
        cookie: user.cookie,
        "content-type": type,
      });
      await expectProblem(response, 415);
    }
    expect(await countTodos()).toBe(before);
  });

  it("refuses a sign-up posted by a form on another site", async () => {
    const email = uniqueEmail("csrf");
    const response = await authPost(
      "sign-up/email",
      { name: "Victim", email, password: "a long enough password" },
      { origin: "https://evil.example" },
    );
    await expectProblem(response, 403);
  });

  it("lets the app's own JSON calls through", async () => {
    const user = await signUp();
    const response = await rpcPost("todo/create", createBody, {
      cookie: user.cookie,
      origin: "http://localhost:3001",
      "sec-fetch-site": "same-origin",
    });
    expect(response.status).toBe(200);
  });
});
