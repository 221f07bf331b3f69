import type { Todo } from "@checkmark/api/schemas";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { LoaderCircle, Trash2 } from "lucide-react";
import { useRef, useState } from "react";
import { Attachments } from "../../../components/attachments";
import { notifyRpcFailure, notifySuccess } from "../../../lib/notify";
import { orpc } from "../../../lib/orpc";

export function TodoItem({ todo }: { todo: Todo }) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: orpc.todo.key() });
  const toggle = useMutation(
    orpc.todo.toggle.mutationOptions({
      onSuccess: refresh,
      onError: (error) => notifyRpcFailure(error, "That change was not saved."),
    }),
  );
  const row = useRef<HTMLLIElement>(null);
  const remove = useMutation(
    orpc.todo.delete.mutationOptions({
      onSuccess: async () => {
        // Keyboard users keep their place: focus goes to the todo that takes this one's spot.
        const neighbour = focusTargetAfterRemoving(row.current);
        await refresh();
        neighbour?.focus();
        notifySuccess(`Deleted “${todo.text}”.`);
      },
      onError: (error) => notifyRpcFailure(error, "That todo was not deleted."),
    }),
  );
  // The requested state shows at once (set in the click itself, so the box never flickers
  // back) and yields to the server's answer when it settles, success or not.
  const [requested, setRequested] = useState<boolean | null>(null);
  const completed = requested ?? todo.completed;
  // Busy controls stay enabled (a disabled one drops keyboard focus) and ignore presses.
  const onToggle = () => {
    if (toggle.isPending) return;
    const next = !completed;
    setRequested(next);
    toggle.mutate({ id: todo.id, completed: next }, { onSettled: () => setRequested(null) });
  };

  return (
    <li ref={row} className="px-4 py-3" data-testid="todo-item">
      <div className="flex items-center gap-3">
        <input
          type="checkbox"
          id={`todo-${todo.id}`}
          checked={completed}
          aria-disabled={toggle.isPending || undefined}
          onChange={onToggle}
          className="size-5 shrink-0 rounded accent-accent-solid"
        />
        <label
          htmlFor={`todo-${todo.id}`}
          className={`min-w-0 flex-1 break-words ${completed ? "text-ink-muted line-through" : ""}`}
        >
          {todo.text}
        </label>
        <button
          type="button"
          onClick={() => {
            if (!remove.isPending) remove.mutate({ id: todo.id });
          }}
          aria-disabled={remove.isPending || undefined}
          aria-label={`Delete “${todo.text}”`}
          title="Delete"
          className="grid size-9 shrink-0 place-items-center rounded-md text-ink-muted transition hover:bg-danger-surface hover:text-danger aria-disabled:cursor-wait"
        >
          {remove.isPending ? (
            <LoaderCircle aria-hidden className="size-4 motion-safe:animate-spin" />
          ) : (
            <Trash2 aria-hidden className="size-4" />
          )}
        </button>
      </div>
      <Attachments parent={{ type: "todo", id: todo.id }} label={todo.text} className="pl-8" />
    </li>
  );
}

/** The next todo's checkbox, else the previous one's, else the new-todo field. */
function focusTargetAfterRemoving(row: HTMLLIElement | null): HTMLElement | null {
  const sibling = row?.nextElementSibling ?? row?.previousElementSibling;
  return (
    sibling?.querySelector<HTMLElement>("input[type=checkbox]") ??
    document.querySelector<HTMLElement>("input[name=text]")
  );
}
