import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { authPost, signUp, uniqueEmail } from "./fixtures";

const countUsers = (email: string) =>
  env.DB.prepare("SELECT COUNT(*) AS n FROM user WHERE email = ?").bind(email).first<number>("n");

// The name is written into mail sent to any address, so the server bounds it itself.
describe("the display name", () => {
  it("over 100 characters, empty, or holding line breaks is refused at sign-up", async () => {
    // Padding counts: Better Auth stores the name as sent, spaces and all.
    const padded = `Eve${" ".repeat(500_000)}`;
    for (const name of ["n".repeat(101), padded, "   ", "Eve\r\nBcc: everyone@example.com"]) {
      const email = uniqueEmail("name");
      const response = await authPost("sign-up/email", {
        name,
        email,
        password: "a long enough password",
      });
      expect(response.status, JSON.stringify(name.slice(0, 20))).toBe(400);
      expect(await response.json()).toMatchObject({ code: "INVALID_NAME" });
      expect(await countUsers(email)).toBe(0);
    }
  });

  it("of exactly 100 characters is accepted", async () => {
    const email = uniqueEmail("name");
    const response = await authPost("sign-up/email", {
      name: "n".repeat(100),
      email,
      password: "a long enough password",
    });
    expect(response.status).toBe(200);
    expect(await countUsers(email)).toBe(1);
  });

  it("cannot be changed past the bound through update-user", async () => {
    const user = await signUp({ name: "Kept Name" });
    const response = await authPost(
      "update-user",
      { name: "n".repeat(101) },
      { cookie: user.cookie },
    );
    expect(response.status).toBe(400);
    const name = await env.DB.prepare("SELECT name FROM user WHERE email = ?")
      .bind(user.email)
      .first("name");
    expect(name).toBe("Kept Name");
  });
});
