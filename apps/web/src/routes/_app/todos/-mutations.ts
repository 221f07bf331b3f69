import type { ListedTodo, TodoSearch } from "@checkmark/api/schemas";
import { useMutation } from "@tanstack/react-query";
import { useMemo } from "react";
import {
  notifyFailure,
  notifyRpcFailure,
  notifySuccess,
  notifyUndoable,
} from "../../../lib/notify";
import { orpc } from "../../../lib/orpc";
import { todoListQuery } from "./-queries";
import { newPendingId, useTodoCache } from "./-todo-cache";

// Every change shows at once; if the server refuses it, the lists and counts go back to what
// they were and a toast says why. Either way the lists refetch once it settles.

// Each procedure's helpers looked up once: every `orpc.todo.x.mutationOptions` walks oRPC's
// proxies and builds their helpers again (docs/decisions/105).
const mutationOptions = {
  create: orpc.todo.create.mutationOptions,
  toggle: orpc.todo.toggle.mutationOptions,
  update: orpc.todo.update.mutationOptions,
  delete: orpc.todo.delete.mutationOptions,
  restore: orpc.todo.restore.mutationOptions,
  clearCompleted: orpc.todo.clearCompleted.mutationOptions,
};

const plural = (count: number) => (count === 1 ? "1 todo" : `${count} todos`);

const matches = (text: string, q: string | undefined) =>
  !q || text.toLowerCase().includes(q.toLowerCase());

export function useCreateTodo(search: TodoSearch) {
  const cache = useTodoCache();
  return useMutation(
    mutationOptions.create({
      onMutate: async (input) => {
        const held = await cache.hold();
        const now = new Date();
        const pending: ListedTodo = {
          id: newPendingId(),
          text: input.text,
          completed: false,
          dueDate: input.dueDate ?? null,
          createdAt: now,
          updatedAt: now,
          attachmentCount: 0,
        };
        // Only into the list on screen, and only if its filters would show the new todo.
        if (search.status !== "completed" && matches(input.text, search.q)) {
          cache.prependTo(todoListQuery(search).queryKey, pending);
        }
        cache.editCounts(search.q, (counts) =>
          matches(input.text, search.q)
            ? { ...counts, all: counts.all + 1, active: counts.active + 1 }
            : counts,
        );
        return { held, pendingId: pending.id };
      },
      onSuccess: (created, _input, optimistic) => {
        cache.editLists((items) =>
          items.map((todo) =>
            todo.id === optimistic.pendingId ? { ...created, attachmentCount: 0 } : todo,
          ),
        );
        notifySuccess("Todo added.");
      },
      onError: (error, _input, optimistic) => {
        cache.restore(optimistic?.held);
        notifyRpcFailure(error, "Your todo was not saved.");
      },
      onSettled: () => cache.refresh(),
    }),
  );
}

/**
 * The row as the server saved it, at once: its `updatedAt` is what the next edit of this todo
 * names (docs/decisions/143), and the refetch after a write may be cancelled by the next one.
 */
const withSaved =
  (saved: { id: string }) =>
  <T extends { id: string }>(items: T[]) =>
    items.map((todo) => (todo.id === saved.id ? { ...todo, ...saved } : todo));

function useToggleTodo(search: TodoSearch) {
  const cache = useTodoCache();
  return useMutation(
    mutationOptions.toggle({
      onMutate: async ({ id, completed }) => {
        const held = await cache.hold();
        cache.editLists((items) =>
          items.map((todo) => (todo.id === id ? { ...todo, completed } : todo)),
        );
        const step = completed ? 1 : -1;
        cache.editCounts(search.q, (counts) => ({
          all: counts.all,
          active: counts.active - step,
          completed: counts.completed + step,
        }));
        return held;
      },
      onError: (error, _input, held) => {
        cache.restore(held);
        notifyRpcFailure(error, "That change was not saved.");
      },
      onSuccess: (saved) => cache.editLists(withSaved(saved)),
      onSettled: () => cache.refresh(),
    }),
  );
}

function useUpdateTodo() {
  const cache = useTodoCache();
  return useMutation(
    mutationOptions.update({
      onMutate: async ({ id, ...changes }) => {
        const held = await cache.hold();
        cache.editLists((items) =>
          items.map((todo) =>
            todo.id === id
              ? {
                  ...todo,
                  text: changes.text ?? todo.text,
                  dueDate: changes.dueDate === undefined ? todo.dueDate : changes.dueDate,
                }
              : todo,
          ),
        );
        return held;
      },
      onError: (error, _input, held) => {
        cache.restore(held);
        notifyRpcFailure(error, "Your edit was not saved.");
      },
      onSuccess: (saved) => cache.editLists(withSaved(saved)),
      onSettled: () => cache.refresh(),
    }),
  );
}

/** Undoes a delete or a clear: the toast's Undo hands `todo.restore` the deletion instant. */
function useRestoreTodos() {
  const cache = useTodoCache();
  const { mutate } = useMutation(
    mutationOptions.restore({
      // None: already brought back (a second click), or purged after its day.
      onSuccess: ({ count }) =>
        count > 0
          ? notifySuccess(`Brought back ${plural(count)}.`)
          : notifyFailure("There was nothing left to bring back."),
      onSettled: () => cache.refresh(),
    }),
  );
  // Refused (the bulk-write budget says so itself, ADR 138) or cut off: the todos wait a day,
  // so the failure toast offers Undo again, and stays until then.
  const undo = (deletedAt: Date): void =>
    mutate(
      { deletedAt },
      {
        onError: (error) => notifyRpcFailure(error, "Not brought back yet.", () => undo(deletedAt)),
      },
    );
  return undo;
}

/** Deletes one todo; the toast's Undo brings it back. */
function useDeleteTodo(search: TodoSearch) {
  const cache = useTodoCache();
  const restore = useRestoreTodos();
  return useMutation(
    mutationOptions.delete({
      onMutate: async ({ id }) => {
        const held = await cache.hold();
        let removed: ListedTodo | undefined;
        cache.editLists((items) =>
          items.filter((todo) => {
            if (todo.id === id) removed = todo;
            return todo.id !== id;
          }),
        );
        if (removed) {
          const { completed } = removed;
          cache.editCounts(search.q, (counts) => ({
            all: counts.all - 1,
            active: counts.active - (completed ? 0 : 1),
            completed: counts.completed - (completed ? 1 : 0),
          }));
        }
        return { held, text: removed?.text };
      },
      onSuccess: ({ deletedAt }, _input, optimistic) => {
        notifyUndoable(optimistic.text ? `Deleted “${optimistic.text}”.` : "Todo deleted.", () =>
          restore(deletedAt),
        );
      },
      onError: (error, _input, optimistic) => {
        cache.restore(optimistic?.held);
        notifyRpcFailure(error, "That todo was not deleted.");
      },
      onSettled: () => cache.refresh(),
    }),
  );
}

/** Clears every completed todo; the toast's Undo brings them back (`todo.restore`). */
export function useClearCompleted(search: TodoSearch) {
  const cache = useTodoCache();
  const restore = useRestoreTodos();
  return useMutation(
    mutationOptions.clearCompleted({
      onMutate: async () => {
        const held = await cache.hold();
        cache.editLists((items) => items.filter((todo) => !todo.completed));
        cache.editCounts(search.q, (counts) => ({
          all: counts.active,
          active: counts.active,
          completed: 0,
        }));
        return held;
      },
      onSuccess: ({ count, deletedAt }) => {
        notifyUndoable(`Cleared ${plural(count)}.`, () => restore(deletedAt));
      },
      onError: (error, _input, held) => {
        cache.restore(held);
        notifyRpcFailure(error, "Completed todos were not cleared.");
      },
      onSettled: () => cache.refresh(),
    }),
  );
}

/**
 * What a row can do to its todo, made once for the whole list rather than once per row: three
 * mutation hooks in each of 50 rows were a measurable share of the page's server render
 * (docs/decisions/124). The options' own callbacks (optimistic edit, toast, refetch) run for
 * every call; each call's promise settles for its row alone, and a refusal it carries has
 * already been shown by the toast, so rows only wait for it.
 */
export function useTodoRowActions(search: TodoSearch) {
  const toggle = useToggleTodo(search).mutateAsync;
  const update = useUpdateTodo().mutateAsync;
  const remove = useDeleteTodo(search).mutateAsync;
  return useMemo(() => ({ toggle, update, remove }), [toggle, update, remove]);
}

export type TodoRowActions = ReturnType<typeof useTodoRowActions>;
