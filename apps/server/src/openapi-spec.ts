import { appRouter } from "@checkmark/api";
import { type OpenAPI, OpenAPIGenerator } from "@orpc/openapi";
import { ZodToJsonSchemaConverter } from "@orpc/zod/zod4";

export const REST_PREFIX = "/api/v1";

/**
 * Only procedures given a REST route (`.route({ method, path })`) are published and answered
 * at /api/v1; every other one stays on /rpc. Without it, oRPC would also answer each of them
 * at `POST /api/v1/<router>/<procedure>`, undescribed.
 */
export const hasRestRoute = ({
  contract,
}: {
  contract: { "~orpc": { route: { path?: string } } };
}) => Boolean(contract["~orpc"].route.path);

const PROBLEM = {
  type: "object",
  description:
    "RFC 9457 problem details; `code` and `data` are the typed error's. A 400 for bad input lists every bad field in `errors`.",
  required: ["type", "title", "status", "code"],
  properties: {
    type: { type: "string" },
    title: { type: "string" },
    status: { type: "integer" },
    detail: { type: "string", description: "A sentence for people; names every bad field." },
    message: { type: "string" },
    code: { type: "string" },
    defined: { type: "boolean" },
    errors: {
      type: "array",
      description: "Bad input only: one entry per problem, every field at once.",
      items: {
        type: "object",
        required: ["pointer", "detail"],
        properties: {
          pointer: {
            type: "string",
            description:
              'RFC 6901 JSON Pointer to the field in the input (the body, or the query and path parameters), e.g. "/dueDate"; "" is the input as a whole.',
          },
          detail: { type: "string", description: "What is wrong with that field." },
        },
      },
    },
    data: {},
  },
} satisfies OpenAPI.SchemaObject;

/** Generated from the procedures on first request, then kept for the isolate's life. */
let spec: Promise<string> | undefined;

export function openApiSpec(): Promise<string> {
  spec ??= generateOpenApiSpec();
  return spec;
}

/** The spec as JSON text; also run in Node by test-node/openapi.test.ts (validation, drift). */
export async function generateOpenApiSpec(): Promise<string> {
  const generator = new OpenAPIGenerator({ schemaConverters: [new ZodToJsonSchemaConverter()] });
  const document = await generator.generate(appRouter, {
    info: {
      title: "Checkmark API",
      version: "1.0.0",
      description:
        "Your todos and events over REST. Authenticate with an API key (settings page) as `Authorization: Bearer <key>` or `x-api-key: <key>`, or, in the browser, with the session cookie. Errors are problem details (`application/problem+json`).",
    },
    servers: [{ url: REST_PREFIX }],
    filter: hasRestRoute,
    components: {
      securitySchemes: {
        bearerApiKey: {
          type: "http",
          scheme: "bearer",
          description: "An API key as a bearer token.",
        },
        headerApiKey: { type: "apiKey", in: "header", name: "x-api-key" },
        sessionCookie: {
          type: "apiKey",
          in: "cookie",
          name: "better-auth.session_token",
          description: "The web app's session (same origin only; `__Secure-` prefixed over https).",
        },
      },
      schemas: { ProblemDetails: PROBLEM },
    },
    security: [{ bearerApiKey: [] }, { headerApiKey: [] }, { sessionCookie: [] }],
  });
  describeErrorsAsProblems(document);
  // Serialised here, so what is served (and validated) has no `undefined` keys.
  return JSON.stringify(document);
}

type Responses = Record<string, { content?: Record<string, { schema?: unknown }> }>;

/** The generator describes error bodies as JSON; they are sent as problem details. */
function describeErrorsAsProblems(document: { paths?: Record<string, unknown> }) {
  for (const item of Object.values(document.paths ?? {})) {
    for (const operation of Object.values(item as Record<string, { responses?: Responses }>)) {
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        const json = response.content?.["application/json"];
        if (Number(status) < 400 || !json) continue;
        response.content = {
          "application/problem+json": {
            schema: { allOf: [{ $ref: "#/components/schemas/ProblemDetails" }, json.schema ?? {}] },
          },
        };
      }
    }
  }
}
