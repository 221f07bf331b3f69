import { objectKeysOfTodo } from "../attachment/service";
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
    .errors({ BAD_REQUEST: { message: "That page cursor is not valid." } })
    .input(listTodosSchema)
    .output(todoPageSchema)
    .handler(async ({ context, input, errors }) => {
      const after = input.cursor ? decodeCursor(input.cursor) : null;
      if (input.cursor && !after) throw errors.BAD_REQUEST();
      return service.listTodos(context.db, context.user.id, { limit: input.limit, after });
    }),

  create: protectedProcedure
    .input(createTodoSchema)
    .output(todoSchema)
    .handler(async ({ context, input }) => {
      const created = await service.createTodo(context.db, context.user.id, input.text);
      context.changed(context.user.id, "todos");
      return created;
    }),

  toggle: todoProcedure
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
      context.changed(context.user.id, "todos");
      return updated;
    }),

  delete: todoProcedure
    .input(todoIdSchema)
    .output(todoIdSchema)
    .handler(async ({ context, input, errors }) => {
      // The files' rows go with the todo (cascade); their objects go here. Anything left if
      // this fails is removed by the hourly orphan sweep.
      const objectKeys = await objectKeysOfTodo(context.db, context.user.id, input.id);
      const deleted = await service.deleteTodo(context.db, context.user.id, input.id);
      if (!deleted) throw errors.NOT_FOUND();
      if (objectKeys.length > 0) await context.files.delete(objectKeys);
      context.changed(context.user.id, "todos");
      return deleted;
    }),
};
