import { schema } from "@checkmark/db";
import { createInsertSchema, createSelectSchema } from "drizzle-zod";
import { z } from "zod";
import { cursorSchema, pageLimitSchema } from "../shared/keyset";
import { expectedUpdatedAtSchema } from "../shared/stale-edit";
import { todoDueDateSchema } from "./due-date";
import { todoQuerySchema, todoSearchSchema } from "./search";
import { todoTextSchema } from "./text";

// Ids are UUIDs (v7, older ones v4): anything else is a bad request, not a lookup.
const todoRow = createSelectSchema(schema.todo, { id: () => z.uuid() });

/** What a client sees of a todo: never its owner id or deletion state. */
export const todoSchema = todoRow.pick({
  id: true,
  text: true,
  completed: true,
  dueDate: true,
  createdAt: true,
  updatedAt: true,
});

const todoFields = createInsertSchema(schema.todo, {
  text: () => todoTextSchema,
  dueDate: () => todoDueDateSchema.optional(),
});

export const createTodoSchema = todoFields.pick({ text: true, dueDate: true });

/** Edit in place: the fields sent change, the others stay. */
export const updateTodoSchema = todoRow
  .pick({ id: true })
  .extend(todoFields.pick({ text: true, dueDate: true }).partial().shape)
  .extend({ completed: todoRow.shape.completed.optional(), updatedAt: expectedUpdatedAtSchema })
  .refine(
    (input) =>
      input.text !== undefined || input.dueDate !== undefined || input.completed !== undefined,
    { message: "Send text, dueDate or completed to change.", path: ["text"] },
  );

export const toggleTodoSchema = todoRow.pick({ id: true, completed: true });
export const todoIdSchema = todoRow.pick({ id: true });

export const listTodosSchema = todoSearchSchema
  .extend({ limit: pageLimitSchema, cursor: cursorSchema })
  .default({ limit: 50, status: "all", sort: "newest" });

/** A todo as the list shows it: with how many files it has (the page fetches only those). */
export const listedTodoSchema = todoSchema.extend({
  attachmentCount: z.number().int().nonnegative(),
});

export const todoPageSchema = z.object({
  items: z.array(listedTodoSchema),
  nextCursor: z.string().nullable(),
});

export const todoCountsInputSchema = z.object({ q: todoQuerySchema }).default({});

/** How many live todos match the search, per status (the tabs' numbers). */
export const todoCountsSchema = z.object({
  all: z.number().int(),
  active: z.number().int(),
  completed: z.number().int(),
});

/** A deleted todo; `deletedAt` is the handle `todo.restore` takes to undo the delete. */
export const deletedTodoSchema = todoIdSchema.extend({ deletedAt: z.date() });

/** What "clear completed" did; `deletedAt` is the handle `todo.restore` takes to undo it. */
export const clearedTodosSchema = z.object({
  count: z.number().int(),
  deletedAt: z.date(),
});

export const restoreTodosSchema = z.object({ deletedAt: z.date() });
export const restoredTodosSchema = z.object({ count: z.number().int() });

export type Todo = z.infer<typeof todoSchema>;
export type ListedTodo = z.infer<typeof listedTodoSchema>;
export type ListTodosInput = z.infer<typeof listTodosSchema>;
export type TodoCounts = z.infer<typeof todoCountsSchema>;
