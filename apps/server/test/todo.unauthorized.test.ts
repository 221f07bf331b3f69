import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { rpc, signUp } from "./fixtures";

const countAllTodos = () => env.DB.prepare("SELECT COUNT(*) AS n FROM todo").first<number>("n");

describe("without a session", () => {
  const anonymous = rpc();
  const unauthorized = { code: "UNAUTHORIZED", status: 401 };

  it("todo.list is UNAUTHORIZED", async () => {
    await expect(anonymous.todo.list({})).rejects.toMatchObject(unauthorized);
  });

  it("todo mutations are UNAUTHORIZED and write nothing", async () => {
    const owner = rpc((await signUp()).cookie);
    const todo = await owner.todo.create({ text: "belongs to someone" });
    const before = await countAllTodos();

    await expect(anonymous.todo.create({ text: "sneaky" })).rejects.toMatchObject(unauthorized);
    await expect(anonymous.todo.toggle({ id: todo.id, completed: true })).rejects.toMatchObject(
      unauthorized,
    );
    await expect(anonymous.todo.delete({ id: todo.id })).rejects.toMatchObject(unauthorized);

    expect(await countAllTodos()).toBe(before);
    expect((await owner.todo.list({})).items).toEqual([
      expect.objectContaining({ id: todo.id, completed: false }),
    ]);
  });

  it("a forged session cookie is treated as no session", async () => {
    const forged = rpc("better-auth.session_token=forged.value");
    await expect(forged.todo.list({})).rejects.toMatchObject(unauthorized);
  });

  it("a real session token under another signature is refused, also after the real one was used", async () => {
    const { cookie } = await signUp();
    // The signed cookie is `<token>.<base64 HMAC>`; the server remembers signatures it checked.
    await expect(rpc(cookie).todo.list({})).resolves.toMatchObject({ items: [] });
    const reSigned = cookie.replace(/(session_token=)([^;]+)/, (_, name: string, value: string) => {
      const token = decodeURIComponent(value).split(".")[0];
      return name + encodeURIComponent(`${token}.${"A".repeat(43)}=`);
    });
    expect(reSigned).not.toBe(cookie);
    await expect(rpc(reSigned).todo.list({})).rejects.toMatchObject(unauthorized);
    await expect(rpc(cookie).todo.list({})).resolves.toMatchObject({ items: [] });
  });

  it("healthCheck stays public", async () => {
    await expect(anonymous.healthCheck()).resolves.toBe("OK");
  });
});
