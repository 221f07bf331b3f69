import { schema } from "@checkmark/db";
import { createInsertSchema, createSelectSchema } from "drizzle-zod";
import { z } from "zod";

import { todoTextSchema } from "./text";

export const TODO_PAGE_MAX = 100;

const todoRow = createSelectSchema(schema.todo);

/** What a client sees of a todo: never its owner id. */
export const todoSchema = todoRow.pick({ id: true, text: true, completed: true, createdAt: true });

export const createTodoSchema = createInsertSchema(schema.todo, {
  text: () => todoTextSchema,
}).pick({ text: true });

export const toggleTodoSchema = todoRow.pick({ id: true, completed: true });
export const todoIdSchema = todoRow.pick({ id: true });

export const listTodosSchema = z
  .object({
    // Coerced so REST callers can pass it in the query string; typed as a number for clients.
    limit: z.coerce.number<number>().int().min(1).max(TODO_PAGE_MAX).default(50),
    /** Opaque cursor from the previous page's `nextCursor`. */
    cursor: z.string().max(200).optional(),
  })
  .default({ limit: 50 });

export const todoPageSchema = z.object({
  items: z.array(todoSchema),
  nextCursor: z.string().nullable(),
});

export type Todo = z.infer<typeof todoSchema>;
export type ListTodosInput = z.infer<typeof listTodosSchema>;
