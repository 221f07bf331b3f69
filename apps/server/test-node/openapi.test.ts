import { readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { generateOpenApiSpec } from "../src/openapi-spec";

const COMMITTED = join(dirname(fileURLToPath(import.meta.url)), "../openapi.json");

describe("the generated OpenAPI spec", () => {
  it("is valid OpenAPI 3.1 by the standard JSON schema", async () => {
    const document = JSON.parse(await generateOpenApiSpec());
    expect(document.openapi).toMatch(/^3\.1\./);
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("matches the committed apps/server/openapi.json (UPDATE_OPENAPI=1 rewrites it)", async () => {
    const generated = JSON.parse(await generateOpenApiSpec());
    if (process.env.UPDATE_OPENAPI === "1") {
      await writeFile(COMMITTED, `${JSON.stringify(generated, null, 2)}\n`);
    }
    // Compared as data, so formatting the file (Biome) is not drift.
    expect(
      JSON.parse(await readFile(COMMITTED, "utf8")),
      "openapi.json is stale: run `pnpm --filter @checkmark/server openapi`",
    ).toEqual(generated);
  });
});
