import { useSuspenseQuery } from "@tanstack/react-query";
import { createFileRoute } from "@tanstack/react-router";
import { Inbox } from "lucide-react";
import { cardClass, EmptyState, PageHeading } from "../../components/page";
import { formatUtc } from "../../lib/format-time";
import { notFoundOnMissing } from "../../lib/not-found-on-missing";
import { orpc } from "../../lib/orpc";

// Exists only where the server sends mail to the dev mailbox (local runs); elsewhere a 404.
export const Route = createFileRoute("/dev/mailbox")({
  loader: ({ context }) =>
    notFoundOnMissing(context.queryClient.ensureQueryData(orpc.devMailbox.list.queryOptions())),
  head: () => ({ meta: [{ title: "Dev mailbox · Checkmark" }] }),
  component: MailboxPage,
});

function MailboxPage() {
  const { data: messages } = useSuspenseQuery(orpc.devMailbox.list.queryOptions());
  return (
    <section className="py-10">
      <PageHeading title="Dev mailbox">
        Mail the app would have sent, newest first. Only on local runs; production sends real mail.
      </PageHeading>
      {messages.length === 0 ? (
        <EmptyState icon={Inbox} title="No mail yet">
          Sign up with any address: its confirmation link arrives here.
        </EmptyState>
      ) : (
        <ul className="mt-6 space-y-3" aria-label="Messages">
          {messages.map((message) => (
            <li key={message.id} className={`p-4 ${cardClass}`}>
              <article aria-label={`${message.subject} to ${message.recipient}`}>
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h2 className="font-medium">{message.subject}</h2>
                  <time
                    className="text-xs text-ink-muted"
                    dateTime={message.createdAt.toISOString()}
                  >
                    {formatUtc(message.createdAt)}
                  </time>
                </div>
                <p className="text-sm text-ink-muted">To {message.recipient}</p>
                <MessageBody body={message.body} />
              </article>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Plain text with its links made clickable, so the flows can be followed by hand. */
function MessageBody({ body }: { body: string }) {
  const parts = body.split(/(https?:\/\/\S+)/g);
  return (
    <p className="mt-3 whitespace-pre-wrap break-words text-sm">
      {parts.map((part, index) =>
        /^https?:\/\//.test(part) ? (
          <a key={index} href={part} className="text-accent underline">
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </p>
  );
}
