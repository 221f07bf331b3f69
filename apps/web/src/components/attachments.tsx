import type { AttachmentParent } from "@checkmark/api/schemas";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { formatSize } from "../lib/format-size";
import { notifyRpcFailure, notifySuccess } from "../lib/notify";
import { type client, orpc } from "../lib/orpc";
import { IconButton } from "./icon-button";

type Attachment = Awaited<ReturnType<typeof client.attachment.list>>[number];

const ACCEPT = "image/png,image/jpeg,image/gif,image/webp,application/pdf";

/**
 * The files of a todo or an event and a button to attach one (streamed to /api/attachments).
 * `label` names the parent for screen readers ("Files of “…”"). `count`, when the parent's
 * list already says how many files it has: with none, the files are neither asked for nor
 * looked up in the cache until one is attached here (docs/decisions/099).
 */
export function Attachments({
  parent,
  label,
  count,
  className = "",
}: {
  parent: AttachmentParent;
  label: string;
  count?: number;
  className?: string;
}) {
  const queryClient = useQueryClient();
  const [attached, setAttached] = useState(false);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const attach = async (file: File) => {
    setUploading(true);
    setError(null);
    try {
      const query = new URLSearchParams({ [`${parent.type}Id`]: parent.id, name: file.name });
      const response = await fetch(`/api/attachments?${query}`, {
        method: "POST",
        headers: { "content-type": "application/octet-stream" },
        body: file,
      });
      if (response.ok) {
        const created = (await response.json()) as Omit<Attachment, "createdAt"> & {
          createdAt: string;
        };
        // Invalidating alone is not enough: TanStack reuses a first load still in flight (a
        // query with no data yet) instead of refetching, and that load may have read the list
        // before this file existed. Drop it, show the file the server answered, then refetch.
        const { queryKey } = filesQuery(parent);
        await queryClient.cancelQueries({ queryKey });
        queryClient.setQueryData(queryKey, (list = []) => [
          ...list.filter((each) => each.id !== created.id),
          { ...created, createdAt: new Date(created.createdAt) },
        ]);
        setAttached(true);
      } else {
        const problem = (await response.json().catch(() => null)) as { detail?: string } | null;
        setError(problem?.detail ?? "That file was not attached.");
      }
      await queryClient.invalidateQueries({ queryKey: orpc.attachment.key() });
    } finally {
      setUploading(false);
    }
  };

  return (
    <div className={`mt-1 text-sm ${className}`}>
      {(count !== 0 || attached) && <FileList parent={parent} label={label} />}
      {/* The input is hidden, so its label shows where the keyboard's focus is. */}
      <label className="cursor-pointer rounded-sm text-ink-muted hover:text-accent has-[input:focus-visible]:outline-2 has-[input:focus-visible]:outline-offset-2 has-[input:focus-visible]:outline-focus">
        {uploading ? "Attaching…" : "Attach a file"}
        <input
          type="file"
          accept={ACCEPT}
          className="sr-only"
          aria-label={`Attach a file to “${label}”`}
          disabled={uploading}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            event.currentTarget.value = "";
            if (file) void attach(file);
          }}
        />
      </label>
      {error && (
        <p role="alert" className="text-danger">
          {error}
        </p>
      )}
    </div>
  );
}

const filesQuery = (parent: AttachmentParent) =>
  orpc.attachment.list.queryOptions({ input: parent });

/** Removes a file: it leaves the list at once, and comes back with a toast if the server refuses. */
function useRemoveFile(parent: AttachmentParent) {
  const queryClient = useQueryClient();
  const { queryKey } = filesQuery(parent);
  return useMutation(
    orpc.attachment.delete.mutationOptions({
      onMutate: async ({ id }) => {
        await queryClient.cancelQueries({ queryKey });
        const held = queryClient.getQueryData(queryKey);
        queryClient.setQueryData(queryKey, (list = []) => list.filter((file) => file.id !== id));
        return { held, name: held?.find((file) => file.id === id)?.name };
      },
      onSuccess: (_removed, _input, optimistic) => {
        notifySuccess(optimistic.name ? `Removed “${optimistic.name}”.` : "File removed.");
      },
      onError: (error, _input, optimistic) => {
        queryClient.setQueryData(queryKey, optimistic?.held);
        notifyRpcFailure(error, "That file was not removed.");
      },
      onSettled: async () => {
        await queryClient.invalidateQueries({ queryKey: orpc.attachment.key() });
        // The lists carry each row's file count.
        const lists = parent.type === "todo" ? orpc.todo.list.key() : orpc.event.key();
        await queryClient.invalidateQueries({ queryKey: lists });
      },
    }),
  );
}

function FileList({ parent, label }: { parent: AttachmentParent; label: string }) {
  const files = useQuery(filesQuery(parent));
  const remove = useRemoveFile(parent);
  return (
    <>
      {files.isError && (
        <p role="alert" className="text-danger">
          Files could not be loaded.{" "}
          <button type="button" className="underline" onClick={() => void files.refetch()}>
            Retry
          </button>
        </p>
      )}
      {files.data && files.data.length > 0 && (
        <ul aria-label={`Files of “${label}”`} className="space-y-0.5">
          {files.data.map((file) => (
            <li key={file.id} className="flex items-center gap-1">
              <span className="min-w-0 break-words">
                <a className="text-accent underline" href={`/api/attachments/${file.id}`} download>
                  {file.name}
                </a>{" "}
                <span className="text-ink-muted">({formatSize(file.size)})</span>
              </span>
              <IconButton
                label={`Remove ${file.name}`}
                icon="x"
                tone="danger"
                onClick={() => remove.mutate({ id: file.id })}
              />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
