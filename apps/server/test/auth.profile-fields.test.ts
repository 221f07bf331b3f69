import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { authPost, signUp, uniqueEmail } from "./fixtures";

const storedUser = (email: string) =>
  env.DB.prepare("SELECT name, image FROM user WHERE email = ?")
    .bind(email)
    .first<{ name: string; image: string | null }>();

const PASSWORD = "a long enough password";

// Anyone may sign up, so whatever the auth endpoints store is bounded by the server itself:
// the shared database must not be fillable through a field the app never shows.
describe("the account's profile fields", () => {
  it("refuse a profile image at sign-up, creating no account", async () => {
    const email = uniqueEmail("image");
    const response = await authPost("sign-up/email", {
      name: "Filler",
      email,
      password: PASSWORD,
      image: "A".repeat(100_000),
    });
    expect(response.status).toBe(400);
    await expect(response.json()).resolves.toEqual({
      code: "PROFILE_IMAGE_NOT_SUPPORTED",
      message: "Checkmark has no profile pictures. Leave out the image.",
    });
    expect(await storedUser(email)).toBeNull();
  });

  it("refuse a profile image on update-user, changing nothing (a name sent with it included)", async () => {
    const user = await signUp({ name: "Kept Name" });
    const response = await authPost(
      "update-user",
      { name: "New Name", image: "https://example.com/me.png" },
      { cookie: user.cookie },
    );
    expect(response.status).toBe(400);
    await expect(response.json()).resolves.toMatchObject({ code: "PROFILE_IMAGE_NOT_SUPPORTED" });
    expect(await storedUser(user.email)).toEqual({ name: "Kept Name", image: null });

    // The settings page's rename, which sends the name alone, still works.
    const renamed = await authPost("update-user", { name: "New Name" }, { cookie: user.cookie });
    expect(renamed.status).toBe(200);
    expect(await storedUser(user.email)).toEqual({ name: "New Name", image: null });
  });

  it("take an email of up to 254 characters at sign-up and refuse a longer one", async () => {
    const domain = `-${crypto.randomUUID()}@example.com`;
    const at = (length: number) => "a".repeat(length - domain.length) + domain;

    const tooLong = await authPost("sign-up/email", {
      name: "Long",
      email: at(255),
      password: PASSWORD,
    });
    expect(tooLong.status).toBe(400);
    await expect(tooLong.json()).resolves.toEqual({
      code: "EMAIL_TOO_LONG",
      message: "Use an email address of at most 254 characters.",
    });
    expect(await storedUser(at(255))).toBeNull();

    const longest = await authPost("sign-up/email", {
      name: "Long",
      email: at(254),
      password: PASSWORD,
    });
    expect(longest.status).toBe(200);
    expect(await storedUser(at(254))).toMatchObject({ name: "Long" });
  });
});
