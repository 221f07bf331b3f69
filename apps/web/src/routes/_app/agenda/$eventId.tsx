import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { createFileRoute, useNavigate } from "@tanstack/react-router";
import { Trash2 } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import {
  AttachedFiles,
  AttachFileButton,
  attachmentsQuery,
  useAttachFile,
} from "../../../components/attachments";
import { dangerButton, secondaryButton } from "../../../components/button-styles";
import { NotFound } from "../../../components/not-found";
import { cardClass, PageHeading } from "../../../components/page";
import { notFoundOnMissing } from "../../../lib/not-found-on-missing";
import { notifyRpcFailure, notifySuccess } from "../../../lib/notify";
import { orpc } from "../../../lib/orpc";
import { EventForm, eventValues } from "./-event-form";
import { eventQuery, resetEventLists } from "./-queries";

export const Route = createFileRoute("/_app/agenda/$eventId")({
  // Rendered on the server with the form filled in (the loader's query travels with the page, so
  // the browser hydrates the same values); an event that is not there answers 404 at once. The
  // zone list is the event's own zone until hydration, as on /agenda/new.
  loader: async ({ context, params }) => {
    const { queryClient } = context;
    // Asked together (one batched request), so the page arrives with its files listed too. The
    // files are prefetched, never awaited as a must: if only they fail, the page still renders
    // and its file list says so, with its own retry.
    const [event] = await notFoundOnMissing(
      Promise.all([
        queryClient.ensureQueryData(eventQuery(params.eventId)),
        queryClient.prefetchQuery(attachmentsQuery({ type: "event", id: params.eventId })),
      ]),
    );
    return event;
  },
  notFoundComponent: () => (
    <NotFound
      title="This event is not here"
      detail="It may have been deleted, or the link is not one of your events."
      back={{ to: "/agenda", label: "Back to the agenda" }}
    />
  ),
  head: ({ loaderData }) => ({
    meta: [{ title: `${loaderData?.title ?? "Event"} · Checkmark` }],
  }),
  component: EditEventPage,
});

function EditEventPage() {
  const { eventId } = Route.useParams();
  const { data: event } = useSuspenseQuery(eventQuery(eventId));
  return (
    <section className="py-10">
      <PageHeading title="Edit event">Change any field, then save.</PageHeading>
      <div className={`mt-6 p-4 sm:p-6 ${cardClass}`}>
        {/* Keyed by the event, not its version: a refetch (a change in another tab) must not
            throw away what is being typed; the server refuses a stale save instead. */}
        <EventForm
          key={event.id}
          initial={eventValues(event)}
          id={event.id}
          updatedAt={event.updatedAt}
        />
      </div>
      <div className={`mt-6 p-4 sm:p-6 ${cardClass}`}>
        <h2 className="font-semibold">Files</h2>
        <EventFiles id={event.id} title={event.title} />
      </div>
      <DeleteEvent id={event.id} title={event.title} />
    </section>
  );
}

function EventFiles({ id, title }: { id: string; title: string }) {
  const parent = { type: "event", id } as const;
  const files = useAttachFile(parent);
  return (
    <>
      <AttachedFiles parent={parent} label={title} state={files} className="mb-2" />
      <AttachFileButton
        label={title}
        state={files}
        className="cursor-pointer rounded-sm text-sm text-ink-muted hover:text-accent has-[input:focus-visible]:outline-2 has-[input:focus-visible]:outline-offset-2 has-[input:focus-visible]:outline-focus"
      >
        {files.uploading ? "Attaching…" : "Attach a file"}
      </AttachFileButton>
    </>
  );
}

/** Deleting asks once more, in the page, before anything is lost. */
function DeleteEvent({ id, title }: { id: string; title: string }) {
  const [confirming, setConfirming] = useState<boolean | null>(null);
  // Keyboard focus follows the question: to "Keep it" when asked, back to Delete when kept.
  const keep = useRef<HTMLButtonElement>(null);
  const ask = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) keep.current?.focus();
    else if (confirming === false) ask.current?.focus();
  }, [confirming]);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const remove = useMutation(
    orpc.event.delete.mutationOptions({
      onSuccess: async () => {
        queryClient.removeQueries({ queryKey: eventQuery(id).queryKey });
        await resetEventLists(queryClient);
        notifySuccess(`Deleted “${title}”.`);
        await navigate({ to: "/agenda" });
      },
      onError: (error) => notifyRpcFailure(error, "The event was not deleted."),
    }),
  );
  return (
    <div className={`mt-6 p-4 sm:p-6 ${cardClass}`}>
      <h2 className="font-semibold">Delete this event</h2>
      {confirming ? (
        <div className="mt-2 space-y-3">
          <p className="text-sm text-ink-muted">
            Delete “{title}” for good? This cannot be undone.
          </p>
          <div className="flex flex-wrap gap-2">
            <button
              type="button"
              onClick={() => remove.mutate({ id })}
              disabled={remove.isPending}
              className={dangerButton("sm")}
            >
              <Trash2 aria-hidden className="size-4" />
              {remove.isPending ? "Deleting…" : "Yes, delete it"}
            </button>
            <button
              ref={keep}
              type="button"
              onClick={() => setConfirming(false)}
              className={secondaryButton("sm")}
            >
              Keep it
            </button>
          </div>
        </div>
      ) : (
        <>
          <p className="mt-1 text-sm text-ink-muted">It disappears from your agenda.</p>
          <button
            ref={ask}
            type="button"
            onClick={() => setConfirming(true)}
            className={`mt-3 ${secondaryButton("sm")} text-danger`}
          >
            <Trash2 aria-hidden className="size-4" />
            Delete event
          </button>
        </>
      )}
    </div>
  );
}
