// The generator of apps/server/openapi.json, run in Node only (test-node/openapi.test.ts and
// `pnpm openapi`): the Worker serves the committed file, so none of this is in its bundle
// (docs/decisions/141-the-worker-serves-the-committed-openapi-spec.md).
import { appRouter } from "@checkmark/api";
import { type OpenAPI, OpenAPIGenerator } from "@orpc/openapi";
import { ZodToJsonSchemaConverter } from "@orpc/zod/zod4";
import { hasRestRoute, REST_PREFIX } from "./rest-routes";

const PROBLEM = {
  type: "object",
  description:
    "RFC 9457 problem details, the body of every error. `title` is the status's reason phrase; `code` is what to branch on (oRPC's error code, the same in the typed client), `detail` a sentence for people. A 400 for bad input lists every bad field in `errors`.",
  required: ["type", "title", "status", "code"],
  properties: {
    type: { type: "string", description: 'Always "about:blank": the status says it all.' },
    title: { type: "string", examples: ["Bad Request"] },
    status: { type: "integer", examples: [400] },
    detail: {
      type: "string",
      description: "A sentence for people; names every bad field.",
      examples: ["text is not valid: Write something to do."],
    },
    code: {
      type: "string",
      description:
        "BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, LIMIT_REACHED, CONFLICT, TOO_MANY_REQUESTS, METHOD_NOT_SUPPORTED, PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, ...",
      examples: ["BAD_REQUEST"],
    },
    message: { type: "string", description: "The typed error's message (oRPC's)." },
    defined: { type: "boolean", description: "True for the errors listed on the operation." },
    instance: { type: "string", description: "The path that was called." },
    requestId: {
      type: "string",
      description: "Quote it in a report: it finds the request in the server's log.",
    },
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
    data: { description: "The typed error's data, e.g. `issues` or `retryAfterSeconds`." },
  },
} satisfies OpenAPI.SchemaObject;

/** The spec as JSON text, checked by test-node/openapi.test.ts (validation, drift). */
export async function generateOpenApiSpec(): Promise<string> {
  const generator = new OpenAPIGenerator({ schemaConverters: [new ZodToJsonSchemaConverter()] });
  const document = await generator.generate(appRouter, {
    info: {
      title: "Checkmark API",
      version: "1.0.0",
      description:
        "Your todos and events over REST. Authenticate with an API key (settings page) as `Authorization: Bearer <key>` or `x-api-key: <key>`, or, in the browser, with the session cookie; a read-only key may only GET. Bodies are JSON (`content-type: application/json`, at most 1 MB). Lists come a page at a time: pass `nextCursor` back as `cursor` until it is null. Errors are problem details (`application/problem+json`) with a `code` to branch on.",
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
        headerApiKey: {
          type: "apiKey",
          in: "header",
          name: "x-api-key",
          description: "An API key in a header of its own.",
        },
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
    tags: [
      {
        name: "Todos",
        description: "Your todos. Deleting one keeps it a day for undo in the app.",
      },
      {
        name: "Events",
        description: "Your agenda: wall-clock times in an IANA time zone, all-day events as dates.",
      },
    ],
  });
  describeOperations(document as Parameters<typeof describeOperations>[0]);
  // Serialised here, so what is served (and validated) has no `undefined` keys.
  return JSON.stringify(document);
}

const PROBLEM_REF = { $ref: "#/components/schemas/ProblemDetails" };

/** What each error status means on every operation; the generator only writes the number. */
const ERROR_MEANINGS: Record<string, string> = {
  400: "Bad input: every bad field is in `errors`. Also a cursor this list did not hand out.",
  401: "No credentials, or an API key that is revoked, expired or mistyped.",
  403: "A read-only API key asked to change something.",
  404: "No such todo or event for you: missing, deleted, or another user's.",
  409: "LIMIT_REACHED on a create: the account holds the most it may (`data.limit`). CONFLICT on a change: it changed after the `updatedAt` you sent (`data.updatedAt` is the newer); nothing was saved.",
  429: "Too many requests (an API key may make 120 a minute): wait `Retry-After` seconds.",
};

/** Refusals from before the procedure runs, the same for every operation with a body. */
const BODY_REFUSALS = {
  PayloadTooLarge: "The body is over 1 MB.",
  UnsupportedMediaType: "The body is not `application/json`.",
};

const PARAMETERS: Record<string, string> = {
  id: "The todo's or event's id (a UUID).",
  q: "Only todos whose text contains this (ASCII case-insensitive). Spends the search budget.",
  status: "Which todos: all, active (not done) or completed.",
  sort: "newest or oldest created first, or due: earliest due date first, undated last.",
  limit: "Page size.",
  cursor:
    "The previous page's `nextCursor`, with the same other parameters; absent for the first page.",
  from: "The agenda's \"now\" as an ISO 8601 date-time (default: the server's now). Keep it for every page.",
  when: "upcoming: starting at or after `from`, soonest first; past: before it, latest first.",
};

/** Body fields whose form the schema alone does not tell (a plain string of at most 40). */
const BODY_FIELDS: Record<string, string> = {
  dueDate: "A calendar date, YYYY-MM-DD; null for none.",
  completed: "Done or not.",
  allDay: "Whole days: `start` and `end` are then dates, `end` the last day.",
  timeZone: "The IANA time zone `start` and `end` are in, e.g. Europe/Paris.",
  start: "Wall-clock time in `timeZone`, YYYY-MM-DDTHH:mm; a date (YYYY-MM-DD) when `allDay`.",
  end: "As `start`; not before it. When `allDay`, the last day.",
};

const EXAMPLES: Record<string, unknown> = {
  "POST /todos": { text: "Buy milk", dueDate: "2026-12-24" },
  "POST /events": {
    title: "Dentist",
    timeZone: "Europe/Paris",
    start: "2026-12-10T09:00",
    end: "2026-12-10T10:00",
  },
};

const RETRY_AFTER = {
  "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } },
};

type Media = Record<
  string,
  {
    schema?: { properties?: Record<string, { description?: string }>; allOf?: unknown };
    example?: unknown;
  }
>;
type Operation = {
  tags?: string[];
  parameters?: { name: string; description?: string }[];
  requestBody?: { content?: Media };
  responses?: Record<
    string,
    { description?: string; content?: Media; headers?: unknown; $ref?: string }
  >;
};

/**
 * What the generator leaves out, for a reader of the docs page: a tag per resource, words for
 * parameters and error statuses, error bodies as problem details (the generator says JSON),
 * the pipeline's own refusals, and an example body to start from.
 */
function describeOperations(document: {
  paths?: Record<string, Record<string, Operation>>;
  components?: Record<string, unknown>;
}) {
  const responses: Record<string, unknown> = {};
  for (const [name, description] of Object.entries(BODY_REFUSALS)) {
    responses[name] = {
      description,
      content: { "application/problem+json": { schema: PROBLEM_REF } },
    };
  }
  document.components = { ...document.components, responses };
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    const resource = path.split("/")[1] ?? "";
    for (const [method, operation] of Object.entries(item)) {
      operation.tags = [resource.charAt(0).toUpperCase() + resource.slice(1)];
      for (const parameter of operation.parameters ?? []) {
        parameter.description ??= PARAMETERS[parameter.name];
      }
      const json = operation.requestBody?.content?.["application/json"];
      for (const [name, field] of Object.entries(json?.schema?.properties ?? {})) {
        field.description ??= BODY_FIELDS[name];
      }
      const example = EXAMPLES[`${method.toUpperCase()} ${path}`];
      if (json && example) json.example = example;
      const answers = operation.responses ?? {};
      for (const [status, response] of Object.entries(answers)) {
        const error = response.content?.["application/json"];
        if (Number(status) < 400 || !error) continue;
        // Every procedure can refuse a read-only key's write; a read never meets that refusal.
        if (status === "403" && method === "get") {
          delete answers[status];
          continue;
        }
        response.description = ERROR_MEANINGS[status] ?? response.description;
        response.content = {
          "application/problem+json": { schema: { allOf: [PROBLEM_REF, error.schema ?? {}] } },
        };
        if (status === "429") response.headers = RETRY_AFTER;
      }
      if (json) {
        answers["413"] = { $ref: "#/components/responses/PayloadTooLarge" };
        answers["415"] = { $ref: "#/components/responses/UnsupportedMediaType" };
      }
    }
  }
}
