import type { AttachmentParent } from "@checkmark/api/schemas";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { formatSize } from "../lib/format-size";
import { orpc } from "../lib/orpc";
import { IconButton } from "./icon-button";

const ACCEPT = "image/png,image/jpeg,image/gif,image/webp,application/pdf";

const changes = () => import("../lib/attachment-changes");

export const attachmentsQuery = (parent: AttachmentParent) =>
  orpc.attachment.list.queryOptions({ input: parent });

/** Attaching a file to `parent`: the upload itself loads with the first file picked. */
export function useAttachFile(parent: AttachmentParent) {
  const queryClient = useQueryClient();
  const [attached, setAttached] = useState(false);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const attach = async (file: File) => {
    setUploading(true);
    setError(null);
    try {
      const refused = await (await changes()).uploadAttachment(queryClient, parent, file);
      if (refused) setError(refused);
      else setAttached(true);
    } finally {
      setUploading(false);
    }
  };
  return { attach, attached, uploading, error };
}

type AttachState = ReturnType<typeof useAttachFile>;

/**
 * The control that picks a file, looking as `className` and `children` make it (the row's
 * paperclip, the event page's words). The file input itself is visually hidden but focusable
 * and named for screen readers; `className` should show its focus (`has-[input:focus-visible]`).
 */
export function AttachFileButton({
  label,
  state,
  className,
  children,
  title,
}: {
  label: string;
  state: AttachState;
  className: string;
  children: ReactNode;
  title?: string;
}) {
  return (
    <label title={title} className={className}>
      {children}
      <input
        type="file"
        accept={ACCEPT}
        className="sr-only"
        aria-label={`Attach a file to “${label}”`}
        disabled={state.uploading}
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = "";
          if (file) void state.attach(file);
        }}
      />
    </label>
  );
}

/**
 * The files of a todo or an event, and why the last one was not attached. `label` names the
 * parent for screen readers ("Files of “…”"). `count`, when the parent's list already says how
 * many files it has: with none, the files are neither asked for nor looked up in the cache
 * until one is attached (docs/decisions/099).
 */
export function AttachedFiles({
  parent,
  label,
  count,
  state,
  className = "",
}: {
  parent: AttachmentParent;
  label: string;
  count?: number;
  state: AttachState;
  className?: string;
}) {
  const listed = count !== 0 || state.attached;
  if (!listed && !state.error) return null;
  return (
    <div className={`mt-1 text-sm ${className}`}>
      {listed && <FileList parent={parent} label={label} />}
      {state.error && (
        <p role="alert" className="text-danger">
          {state.error}
        </p>
      )}
    </div>
  );
}

function FileList({ parent, label }: { parent: AttachmentParent; label: string }) {
  const files = useQuery(attachmentsQuery(parent));
  const queryClient = useQueryClient();
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
                onClick={() =>
                  void changes().then((loaded) =>
                    loaded.removeAttachment(queryClient, parent, file),
                  )
                }
              />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
