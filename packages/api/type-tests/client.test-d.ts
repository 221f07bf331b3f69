// Compiled by `tsc` (check-types), never run: a consumer's correct calls compile, and each
// `@ts-expect-error` below fails the build if that mistake ever starts compiling.
import { type ApiClient, createApiClient, isDefinedError, safe, type Todo } from "../src/client";

const client: ApiClient = createApiClient({
  baseUrl: "https://checkmark.example.com",
  apiKey: "k",
});

export async function correctCalls() {
  const page = await client.todo.list({ limit: 10 });
  const first: Todo | undefined = page.items[0];
  const next: string | null = page.nextCursor;
  const created = await client.todo.create({ text: "Buy milk" });
  const done: boolean = (await client.todo.toggle({ id: created.id, completed: true })).completed;
  const removed: { id: string } = await client.todo.delete({ id: created.id });
  const me = await client.account.me();
  const email: string | undefined = me?.email;
  return { first, next, done, removed, email };
}

export async function typedErrors() {
  const [error, page] = await safe(client.todo.list({}));
  if (isDefinedError(error)) {
    switch (error.code) {
      case "UNAUTHORIZED":
      case "FORBIDDEN":
        return error.status;
      case "BAD_REQUEST":
        return error.data?.issues.length;
      case "TOO_MANY_REQUESTS": {
        const wait: number = error.data.retryAfterSeconds;
        return wait;
      }
      default: {
        // Every defined error is handled above.
        const none: never = error;
        return none;
      }
    }
  }
  // A list has nothing to be missing; one todo does.
  const [missing] = await safe(client.todo.get({ id: "x" }));
  if (isDefinedError(missing) && missing.code === "NOT_FOUND") return missing.status;
  return page?.items.length;
}

export async function mistakes() {
  // @ts-expect-error wrong input type: text is a string
  await client.todo.create({ text: 42 });
  // @ts-expect-error missing field: toggle needs `completed`
  await client.todo.toggle({ id: "x" });
  // @ts-expect-error unknown procedure
  await client.todo.archive({ id: "x" });
  // @ts-expect-error wrong output use: a todo's text is not a number
  const n: number = (await client.todo.create({ text: "a" })).text;
  const [error] = await safe(client.todo.list({}));
  if (isDefinedError(error)) {
    // @ts-expect-error an error code the procedure does not define
    const c: "TEAPOT" = error.code;
    return c;
  }
  return n;
}
