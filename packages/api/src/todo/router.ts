import { protectedProcedure } from "../procedures";
import { decodeCursor } from "./cursor";
import {
  createTodoSchema,
  listTodosSchema,
  todoIdSchema,
  todoPageSchema,
  todoSchema,
  toggleTodoSchema,
} from "./schema";
import * as service from "./service";

const todoProcedure = protectedProcedure.errors({
  NOT_FOUND: { message: "That todo does not exist." },
});

export const todoRouter = {
  list: todoProcedure
    .route({ method: "GET", path: "/todos", summary: "List your todos, newest first" })
    .input(listTodosSchema)
    .output(todoPageSchema)
    .handler(async ({ context, input, errors }) => {
      const after = input.cursor ? decodeCursor(input.cursor) : null;
      if (input.cursor && !after) {
        throw errors.BAD_REQUEST({ message: "That page cursor is not valid." });
      }
      return service.listTodos(context.db, context.user.id, { limit: input.limit, after });
    }),

  create: protectedProcedure
    .meta({ access: "write" })
    .route({ method: "POST", path: "/todos", successStatus: 201, summary: "Create a todo" })
    .input(createTodoSchema)
    .output(todoSchema)
    .handler(({ context, input }) => service.createTodo(context.db, context.user.id, input.text)),

  toggle: todoProcedure
    .meta({ access: "write" })
    .route({ method: "PATCH", path: "/todos/{id}", summary: "Mark a todo done or not done" })
    .input(toggleTodoSchema)
    .output(todoSchema)
    .handler(async ({ context, input, errors }) => {
      const updated = await service.setTodoCompleted(
        context.db,
        context.user.id,
        input.id,
        input.completed,
      );
      if (!updated) throw errors.NOT_FOUND();
      return updated;
    }),

  delete: todoProcedure
    .meta({ access: "write" })
    .route({ method: "DELETE", path: "/todos/{id}", summary: "Delete a todo" })
    .input(todoIdSchema)
    .output(todoIdSchema)
    .handler(async ({ context, input, errors }) => {
      const deleted = await service.deleteTodo(context.db, context.user.id, input.id);
      if (!deleted) throw errors.NOT_FOUND();
      return deleted;
    }),
};
