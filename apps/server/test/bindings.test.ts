import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { assertBindings, missingBindings, REQUIRED_BINDINGS } from "../src/bindings";

describe("bindings checked at startup", () => {
  it("finds every binding in the configured Worker", () => {
    expect(missingBindings(env)).toEqual([]);
  });

  it.each(REQUIRED_BINDINGS)("names %s when an environment lacks it", (name) => {
    const without = { ...env, [name]: undefined };
    expect(() => assertBindings(without)).toThrow(
      new RegExp(`Missing Worker binding\\(s\\): ${name}\\. Declare`),
    );
  });
});
