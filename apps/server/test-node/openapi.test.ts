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

  it("tells a reader of the docs page what each operation, parameter and error means", async () => {
    const document = JSON.parse(await generateOpenApiSpec());
    type Operation = {
      summary?: string;
      tags?: string[];
      parameters?: { name: string; description?: string }[];
      requestBody?: { content: Record<string, { example?: unknown }> };
      responses: Record<string, { description?: string; $ref?: string; headers?: object }>;
    };
    const operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item as Record<string, Operation>).map(([method, op]) => ({
        name: `${method.toUpperCase()} ${path}`,
        op,
      })),
    );
    expect(operations).toHaveLength(10);
    for (const { name, op } of operations) {
      expect(op.summary, name).toEqual(expect.any(String));
      expect(op.tags, name).toEqual([name.includes("/todos") ? "Todos" : "Events"]);
      for (const parameter of op.parameters ?? []) {
        expect(parameter.description, `${name} ${parameter.name}`).toEqual(expect.any(String));
      }
      for (const [status, response] of Object.entries(op.responses)) {
        if (Number(status) < 400 || response.$ref) continue;
        // The generator writes only the number; each says what went wrong.
        expect(response.description, `${name} ${status}`).toMatch(/[a-z]{3}/);
      }
      expect(op.responses["429"]?.headers, name).toHaveProperty("Retry-After");
      if (op.requestBody) {
        expect(op.responses["413"], name).toEqual({
          $ref: "#/components/responses/PayloadTooLarge",
        });
        expect(op.responses["415"], name).toEqual({
          $ref: "#/components/responses/UnsupportedMediaType",
        });
      }
    }
    // The two create bodies come with an example to start from.
    expect(document.paths["/todos"].post.requestBody.content["application/json"].example).toEqual(
      expect.objectContaining({ text: expect.any(String) }),
    );
    expect(document.paths["/events"].post.requestBody.content["application/json"].example).toEqual(
      expect.objectContaining({ timeZone: expect.any(String), start: expect.any(String) }),
    );
    expect(document.components.schemas.ProblemDetails.properties).toHaveProperty("requestId");
    // A start or end is a plain string to the schema: the words give its form.
    const eventBody = document.paths["/events"].post.requestBody.content["application/json"];
    expect(eventBody.schema.properties.start.description).toMatch(/YYYY-MM-DDTHH:mm/);
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
