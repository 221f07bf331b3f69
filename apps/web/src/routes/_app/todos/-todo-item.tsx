import type { ListedTodo } from "@checkmark/api/schemas";
import { lazy, memo, Suspense, useRef, useState } from "react";
import { AttachedFiles, AttachFileButton, useAttachFile } from "../../../components/attachments";
import { IconButton } from "../../../components/icon-button";
import { SpriteIcon } from "../../../components/icon-sprite";
import { DueDate } from "./-due-date";
import type { TodoRowActions } from "./-mutations";
import { isPendingTodo } from "./-todo-cache";
import type { TodoChanges } from "./-todo-edit-form";

// Loaded when someone is about to edit (pointer over or focus on Edit), not with the page:
// the first visit's JavaScript has a budget (bench/budgets.ts).
const loadEditForm = () => import("./-todo-edit-form");
const TodoEditForm = lazy(() =>
  loadEditForm().then((module) => ({ default: module.TodoEditForm })),
);

// A refusal has already been told by the list's toast (-mutations.ts); the row only waits.
const ignoreRefusal = () => {};

/**
 * `today` comes from the list (useToday), read once per render rather than once per row, and
 * `actions` too (useTodoRowActions). Memoized: a change to one todo renders only its row.
 */
export const TodoItem = memo(function TodoItem({
  todo,
  today,
  actions,
}: {
  todo: ListedTodo;
  today: string;
  actions: TodoRowActions;
}) {
  const row = useRef<HTMLLIElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const [editing, setEditing] = useState(false);
  const files = useAttachFile({ type: "todo", id: todo.id });
  // Shown but not yet saved: it has no id the server knows, so it cannot be changed yet.
  const pending = isPendingTodo(todo);
  // The requested state shows in the click itself (the cache follows a tick later), so the
  // box never flickers back; it yields to the cache when the call settles. Until then, further
  // clicks wait.
  const [requested, setRequested] = useState<boolean | null>(null);
  const toggling = requested !== null;
  const completed = requested ?? todo.completed;
  const textId = `todo-text-${todo.id}`;

  const onToggle = () => {
    if (toggling) return;
    const next = !completed;
    setRequested(next);
    actions
      .toggle({ id: todo.id, completed: next })
      .catch(ignoreRefusal)
      .finally(() => setRequested(null));
  };
  const stopEditing = () => {
    setEditing(false);
    // Back to where the edit began, so keyboard users keep their place.
    requestAnimationFrame(() => editButton.current?.focus());
  };
  // The form closes once the edit is saved; refused, it stays open with what was typed.
  const onSave = (changes: TodoChanges) => {
    if (changes.text !== undefined || changes.dueDate !== undefined) {
      return actions.update({ id: todo.id, ...changes }).then(stopEditing);
    }
    stopEditing();
  };
  const onDelete = () => {
    // Keyboard users keep their place: focus goes to the todo that takes this one's spot.
    focusTargetAfterRemoving(row.current)?.focus();
    actions.remove({ id: todo.id }).catch(ignoreRefusal);
  };

  return (
    <li ref={row} className="px-4 py-3" data-testid="todo-item" aria-busy={pending || undefined}>
      {editing ? (
        <Suspense fallback={<p className="py-1.5 text-sm text-ink-muted">Opening the editor…</p>}>
          <TodoEditForm todo={todo} onSave={onSave} onCancel={stopEditing} />
        </Suspense>
      ) : (
        <div className="flex items-center gap-3">
          {/* Under a finger the box takes taps 12 px around it (44 px in all); the negative
              margin gives that room back, so the row looks the same. */}
          <label className="flex shrink-0 pointer-coarse:-m-3 pointer-coarse:p-3">
            <input
              type="checkbox"
              checked={completed}
              disabled={pending}
              aria-labelledby={textId}
              aria-disabled={toggling || undefined}
              onChange={onToggle}
              className="size-5 rounded accent-accent-solid"
            />
          </label>
          <div className="flex min-w-0 flex-1 flex-wrap items-center gap-x-2 gap-y-1">
            {/* biome-ignore lint/a11y/noStaticElementInteractions: a mouse shortcut; the Edit button is the way for keyboards and screen readers. */}
            <span
              id={textId}
              onDoubleClick={() => !pending && setEditing(true)}
              className={`min-w-0 break-words ${completed ? "text-ink-muted line-through" : ""}`}
            >
              {todo.text}
            </span>
            {todo.dueDate && <DueDate date={todo.dueDate} today={today} completed={completed} />}
          </div>
          {/* A quiet paperclip beside Edit rather than words under every row. */}
          {!pending && (
            <AttachFileButton
              label={todo.text}
              state={files}
              title="Attach a file"
              className="grid size-9 shrink-0 cursor-pointer pointer-coarse:size-11 place-items-center rounded-md text-ink-muted hover:bg-surface-muted hover:text-ink has-[input:disabled]:cursor-wait has-[input:focus-visible]:outline-2 has-[input:focus-visible]:outline-focus"
            >
              <SpriteIcon
                name="paperclip"
                className={`size-4 ${files.uploading ? "motion-safe:animate-pulse" : ""}`}
              />
            </AttachFileButton>
          )}
          <IconButton
            ref={editButton}
            label={`Edit “${todo.text}”`}
            icon="pencil"
            disabled={pending}
            onClick={() => setEditing(true)}
            onPointerEnter={() => void loadEditForm()}
            onFocus={() => void loadEditForm()}
          />
          <IconButton
            label={`Delete “${todo.text}”`}
            icon="trash"
            tone="danger"
            disabled={pending}
            onClick={onDelete}
          />
        </div>
      )}
      {!pending && (
        <AttachedFiles
          parent={{ type: "todo", id: todo.id }}
          label={todo.text}
          count={todo.attachmentCount}
          state={files}
          className="pl-8"
        />
      )}
    </li>
  );
});

/** The next todo's checkbox, else the previous one's, else the new-todo field. */
function focusTargetAfterRemoving(row: HTMLLIElement | null): HTMLElement | null {
  const sibling = row?.nextElementSibling ?? row?.previousElementSibling;
  return (
    sibling?.querySelector<HTMLElement>("input[type=checkbox]") ??
    document.querySelector<HTMLElement>("input[name=text]")
  );
}
