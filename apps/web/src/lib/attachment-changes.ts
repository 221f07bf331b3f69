import type { AttachmentParent } from "@checkmark/api/schemas";
import type { QueryClient } from "@tanstack/react-query";
import { attachmentsQuery } from "../components/attachments";
import { notifyRpcFailure, notifySuccess } from "./notify";
import { client, orpc } from "./orpc";
import { problemDetail } from "./problem-detail";

type Attachment = Awaited<ReturnType<typeof client.attachment.list>>[number];

// Attaching and removing files: loaded when a file is picked or removed, not with the page
// (the first visit's JavaScript has a budget, bench/budgets.ts).

/** Streams `file` to /api/attachments; answers null when it is attached, else why not. */
export async function uploadAttachment(
  queryClient: QueryClient,
  parent: AttachmentParent,
  file: File,
): Promise<string | null> {
  const query = new URLSearchParams({ [`${parent.type}Id`]: parent.id, name: file.name });
  const response = await fetch(`/api/attachments?${query}`, {
    method: "POST",
    headers: { "content-type": "application/octet-stream" },
    body: file,
  }).catch(() => null);
  if (!response) return "That file was not attached. Check your connection and try again.";
  let refused: string | null = null;
  if (response.ok) {
    const created = (await response.json()) as Omit<Attachment, "createdAt"> & {
      createdAt: string;
    };
    // Invalidating alone is not enough: TanStack reuses a first load still in flight (a query
    // with no data yet) instead of refetching, and that load may have read the list before
    // this file existed. Drop it, show the file the server answered, then refetch.
    const { queryKey } = attachmentsQuery(parent);
    await queryClient.cancelQueries({ queryKey });
    queryClient.setQueryData(queryKey, (list = []) => [
      ...list.filter((each) => each.id !== created.id),
      { ...created, createdAt: new Date(created.createdAt) },
    ]);
  } else {
    refused = await problemDetail(response, "That file was not attached.");
  }
  await queryClient.invalidateQueries({ queryKey: orpc.attachment.key() });
  return refused;
}

/** Removes a file: it leaves the list at once, and comes back with a toast if the server refuses. */
export async function removeAttachment(
  queryClient: QueryClient,
  parent: AttachmentParent,
  file: Pick<Attachment, "id" | "name">,
) {
  const { queryKey } = attachmentsQuery(parent);
  await queryClient.cancelQueries({ queryKey });
  const held = queryClient.getQueryData(queryKey);
  queryClient.setQueryData(queryKey, (list = []) => list.filter((each) => each.id !== file.id));
  try {
    await client.attachment.delete({ id: file.id });
    notifySuccess(`Removed “${file.name}”.`);
  } catch (error) {
    queryClient.setQueryData(queryKey, held);
    notifyRpcFailure(error, "That file was not removed.");
  }
  await queryClient.invalidateQueries({ queryKey: orpc.attachment.key() });
  // The lists carry each row's file count.
  const lists = parent.type === "todo" ? orpc.todo.list.key() : orpc.event.key();
  await queryClient.invalidateQueries({ queryKey: lists });
}
