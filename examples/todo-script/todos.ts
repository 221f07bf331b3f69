// Lists your todos and adds one, as you, with an API key from the settings page:
//   CHECKMARK_URL=http://localhost:3001 CHECKMARK_API_KEY=ck_... node todos.ts "Buy milk"
import { createApiClient, isDefinedError, safe } from "@checkmark/api/client";

const baseUrl = process.env.CHECKMARK_URL ?? "http://localhost:3001";
const apiKey = process.env.CHECKMARK_API_KEY;
if (!apiKey) {
  console.error("Set CHECKMARK_API_KEY to a key from the settings page.");
  process.exit(2);
}

const api = createApiClient({ baseUrl, apiKey });

const text = process.argv[2] ?? `Added by the example script at ${new Date().toISOString()}`;
const [createError, created] = await safe(api.todo.create({ text }));
if (createError) {
  if (isDefinedError(createError) && createError.code === "FORBIDDEN") {
    console.error("This key may only read; make a read-and-write key to add todos.");
  } else if (isDefinedError(createError) && createError.code === "TOO_MANY_REQUESTS") {
    console.error(`Rate limited; try again in ${createError.data.retryAfterSeconds} s.`);
  } else {
    console.error(`Could not add the todo: ${createError.message}`);
  }
  process.exit(1);
}
console.log(`added: ${created.text} (${created.id})`);

const page = await api.todo.list({ limit: 20 });
for (const todo of page.items) console.log(`${todo.completed ? "[x]" : "[ ]"} ${todo.text}`);
