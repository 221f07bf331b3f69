import type { Todo } from "@checkmark/api/schemas";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { orpc } from "../../../lib/orpc";
import { describeRpcError } from "../../../lib/rpc-error";

export function TodoItem({
  todo,
  onError,
}: {
  todo: Todo;
  onError: (message: string | null) => void;
}) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: orpc.todo.key() });
  const toggle = useMutation(
    orpc.todo.toggle.mutationOptions({
      onSuccess: refresh,
      onError: (error) => onError(describeRpcError(error, "That change was not saved.")),
    }),
  );
  const remove = useMutation(
    orpc.todo.delete.mutationOptions({
      onSuccess: refresh,
      onError: (error) => onError(describeRpcError(error, "That todo was not deleted.")),
    }),
  );
  // The requested state shows at once (set in the click itself, so the box never flickers
  // back) and yields to the server's answer when it settles, success or not.
  const [requested, setRequested] = useState<boolean | null>(null);
  const completed = requested ?? todo.completed;
  const onToggle = () => {
    const next = !completed;
    setRequested(next);
    toggle.mutate({ id: todo.id, completed: next }, { onSettled: () => setRequested(null) });
  };

  return (
    <li className="group flex items-center gap-3 px-4 py-3" data-testid="todo-item">
      <input
        type="checkbox"
        id={`todo-${todo.id}`}
        checked={completed}
        disabled={toggle.isPending}
        onChange={onToggle}
        className="size-5 rounded border-slate-300 accent-indigo-600"
      />
      <label
        htmlFor={`todo-${todo.id}`}
        className={`flex-1 break-words ${completed ? "text-slate-400 line-through" : "text-slate-800"}`}
      >
        {todo.text}
      </label>
      <button
        type="button"
        onClick={() => remove.mutate({ id: todo.id })}
        disabled={remove.isPending}
        aria-label={`Delete “${todo.text}”`}
        className="rounded-md px-2 py-1 text-sm text-slate-400 opacity-60 transition hover:bg-rose-50 hover:text-rose-600 group-hover:opacity-100"
      >
        {remove.isPending ? "Deleting…" : "Delete"}
      </button>
    </li>
  );
}
