import { bulkWriteBudget, ownedThingProcedure, protectedProcedure } from "../procedures";
import { decodeCursor } from "../shared/keyset";
import { atLimit, limitReachedError } from "../shared/row-cap";
import { rowLimits } from "../shared/row-limits";
import { staleEditError } from "../shared/stale-edit";
import { countTodos, listTodos, TODO_ORDERS } from "./list";
import {
  clearedTodosSchema,
  createTodoSchema,
  deletedTodoSchema,
  listTodosSchema,
  restoredTodosSchema,
  restoreTodosSchema,
  todoCountsInputSchema,
  todoCountsSchema,
  todoIdSchema,
  todoPageSchema,
  todoSchema,
  toggleTodoSchema,
  updateTodoSchema,
} from "./schema";
import { searchesRefused, withinSearchBudget } from "./search-budget";
import * as service from "./service";

const todoProcedure = ownedThingProcedure("todo");

export const todoRouter = {
  // A list has nothing to be missing: no NOT_FOUND in its errors (nor in the spec).
  list: protectedProcedure
    .meta({ access: "read" })
    .route({ method: "GET", path: "/todos", summary: "List your todos" })
    .input(listTodosSchema)
    .output(todoPageSchema)
    .handler(async ({ context, input, errors }) => {
      const { cursor, limit, ...search } = input;
      if (!(await withinSearchBudget(context.searchLimiter, context.user.id, search.q))) {
        throw errors.TOO_MANY_REQUESTS(searchesRefused);
      }
      const after = cursor
        ? decodeCursor(cursor, search.sort, TODO_ORDERS[search.sort].keySchema)
        : null;
      if (cursor && !after) {
        throw errors.BAD_REQUEST({
          message: "That page cursor is not valid: pass a nextCursor of this list, with its sort.",
        });
      }
      return listTodos(context.owner, search, { limit, after });
    }),

  counts: protectedProcedure
    .meta({ access: "read" })
    .input(todoCountsInputSchema)
    .output(todoCountsSchema)
    .handler(async ({ context, input, errors }) => {
      if (!(await withinSearchBudget(context.searchLimiter, context.user.id, input.q))) {
        throw errors.TOO_MANY_REQUESTS(searchesRefused);
      }
      return countTodos(context.owner, input.q);
    }),

  create: protectedProcedure
    .route({ method: "POST", path: "/todos", successStatus: 201, summary: "Create a todo" })
    .errors({ LIMIT_REACHED: limitReachedError })
    .input(createTodoSchema)
    .output(todoSchema)
    .handler(async ({ context, input, errors }) => {
      const created = await service.createTodo(context.owner, input);
      if (!created) {
        const advice = "Delete or clear some to add more.";
        throw errors.LIMIT_REACHED(atLimit(rowLimits.todos, "todos", advice));
      }
      context.changed(context.user.id, "todos");
      return created;
    }),

  get: todoProcedure
    .meta({ access: "read" })
    .route({ method: "GET", path: "/todos/{id}", summary: "Get a todo" })
    .input(todoIdSchema)
    .output(todoSchema)
    .handler(async ({ context, input, errors }) => {
      const found = await service.findTodo(context.owner, input.id);
      if (!found) throw errors.NOT_FOUND();
      return found;
    }),

  update: todoProcedure
    .route({
      method: "PATCH",
      path: "/todos/{id}",
      summary: "Change a todo",
      description:
        "Send only what changes: text, dueDate (null clears it), completed. Add the updatedAt you read to be refused (409) rather than overwrite a change made since.",
    })
    .errors({ CONFLICT: staleEditError("todo") })
    .input(updateTodoSchema)
    .output(todoSchema)
    .handler(async ({ context, input, errors }) => {
      const { id, updatedAt, ...changes } = input;
      const updated = await service.updateTodo(context.owner, id, changes, updatedAt);
      if (!updated) {
        const current = updatedAt && (await service.findTodo(context.owner, id));
        if (current) throw errors.CONFLICT({ data: { updatedAt: current.updatedAt } });
        throw errors.NOT_FOUND();
      }
      context.changed(context.user.id, "todos");
      return updated;
    }),

  // The app's checkbox; REST clients send `completed` to PATCH /todos/{id} (update).
  toggle: todoProcedure
    .input(toggleTodoSchema)
    .output(todoSchema)
    .handler(async ({ context, input, errors }) => {
      const updated = await service.setTodoCompleted(context.owner, input.id, input.completed);
      if (!updated) throw errors.NOT_FOUND();
      context.changed(context.user.id, "todos");
      return updated;
    }),

  delete: todoProcedure
    .route({ method: "DELETE", path: "/todos/{id}", summary: "Delete a todo" })
    .input(todoIdSchema)
    .output(deletedTodoSchema)
    .handler(async ({ context, input, errors }) => {
      // A soft delete, so todo.restore can undo it; the files stay until housekeeping purges
      // the todo, and the hourly orphan sweep then removes their objects.
      const deleted = await service.deleteTodo(context.owner, input.id);
      if (!deleted) throw errors.NOT_FOUND();
      context.changed(context.user.id, "todos");
      return deleted;
    }),

  clearCompleted: protectedProcedure
    .use(bulkWriteBudget("todos"))
    .output(clearedTodosSchema)
    .handler(async ({ context }) => {
      const cleared = await service.clearCompleted(context.owner);
      context.changed(context.user.id, "todos");
      return cleared;
    }),

  restore: protectedProcedure
    .errors({ LIMIT_REACHED: limitReachedError })
    .input(restoreTodosSchema)
    .use(bulkWriteBudget("restore"))
    .output(restoredTodosSchema)
    .handler(async ({ context, input, errors }) => {
      const { count, overCap } = await service.restoreTodos(context.owner, input.deletedAt);
      if (overCap) {
        const advice = "Delete some before bringing these back.";
        throw errors.LIMIT_REACHED(atLimit(rowLimits.todos, "todos", advice));
      }
      context.changed(context.user.id, "todos");
      return { count };
    }),
};
