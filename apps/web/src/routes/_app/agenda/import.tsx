import { EVENT_FILE_MAX_BYTES, EVENT_IMPORT_MAX_ROWS } from "@checkmark/api/schemas";
import { createFileRoute, Link } from "@tanstack/react-router";
import { FileUp, LoaderCircle, RotateCw, Square } from "lucide-react";
import { useId, useState } from "react";
import { Alert } from "../../../components/alert";
import { primaryButton, secondaryButton } from "../../../components/button-styles";
import { cardClass, PageHeading } from "../../../components/page";
import { ProgressBar } from "../../../components/progress-bar";
import { SubmitButton } from "../../../components/submit-button";
import { SuccessNote } from "../../../components/success-note";
import { formatSize } from "../../../lib/format-size";
import { countsSentence, FailedRows } from "./-import-summary";
import { type ImportState, refusalOf, useEventImport } from "./-use-event-import";

export const Route = createFileRoute("/_app/agenda/import")({
  head: () => ({ meta: [{ title: "Import events · Checkmark" }] }),
  component: ImportPage,
});

function ImportPage() {
  const { state, start, cancel, reset } = useEventImport();
  const [file, setFile] = useState<File | null>(null);
  const inputId = useId();
  const busy = state.phase === "reading" || state.phase === "importing";
  const refusal = file ? refusalOf(file) : null;

  return (
    <section className="py-10">
      <PageHeading title="Import events">
        Bring in the .ics or .csv file your calendar app exports. Importing the same file again adds
        nothing twice.
      </PageHeading>

      <form
        className={`mt-6 space-y-4 p-4 sm:p-6 ${cardClass}`}
        onSubmit={(event) => {
          event.preventDefault();
          if (file && !refusal) void start(file);
        }}
      >
        <div className="space-y-1">
          <label htmlFor={inputId} className="block text-sm font-medium">
            Calendar file (.ics or .csv)
          </label>
          <input
            id={inputId}
            type="file"
            accept=".ics,.csv,text/calendar,text/csv"
            disabled={busy}
            aria-invalid={refusal ? true : undefined}
            aria-describedby={`${inputId}-hint`}
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              reset();
            }}
            className="block w-full text-sm text-ink-muted file:mr-3 file:rounded-lg file:border file:border-line-strong file:bg-surface file:px-3 file:py-1.5 file:font-medium file:text-ink hover:file:bg-surface-muted"
          />
          <p id={`${inputId}-hint`} className="text-xs text-ink-muted">
            Up to {formatSize(EVENT_FILE_MAX_BYTES)} and{" "}
            {EVENT_IMPORT_MAX_ROWS.toLocaleString("en")} events. CSV columns: title, start, end,
            location, description; dates as 2026-12-01 (all day) or 2026-12-01 14:30, in your time
            zone. Recurring events are added from a year ago to two years ahead.
          </p>
        </div>
        {refusal && <Alert>{refusal}</Alert>}
        <div className="flex flex-wrap gap-2">
          <SubmitButton disabled={!file || !!refusal || busy} className={primaryButton()}>
            <FileUp aria-hidden className="size-4" />
            Import events
          </SubmitButton>
          {busy && (
            <button type="button" onClick={cancel} className={secondaryButton()}>
              <Square aria-hidden className="size-4" />
              Stop import
            </button>
          )}
        </div>
      </form>

      <ImportStatus state={state} onRetry={() => file && void start(file)} />
      {"counts" in state && state.counts && <FailedRows failed={state.counts.failed} />}
    </section>
  );
}

function ImportStatus({ state, onRetry }: { state: ImportState; onRetry: () => void }) {
  if (state.phase === "idle") return null;
  if (state.phase === "reading") {
    return (
      <p role="status" className="mt-6 flex items-center gap-2 text-sm text-ink-muted">
        <LoaderCircle aria-hidden className="size-4 motion-safe:animate-spin" />
        Reading {state.fileName}…
      </p>
    );
  }
  const counts = state.counts;
  return (
    <div className={`mt-6 space-y-4 p-4 sm:p-6 ${cardClass}`}>
      {counts && (
        <div>
          <ProgressBar
            label={`Importing ${state.fileName}`}
            value={counts.done}
            max={counts.total}
          />
          <p className="mt-1 text-sm text-ink-muted tabular-nums">
            {counts.done} of {counts.total} events handled
          </p>
        </div>
      )}
      {state.phase === "finished" && counts && (
        <>
          <SuccessNote>Import finished: {countsSentence(counts)}</SuccessNote>
          <Link to="/agenda" className={secondaryButton("sm")}>
            Go to your agenda
          </Link>
        </>
      )}
      {state.phase === "cancelled" && counts && (
        <p role="status" className="text-sm">
          Import stopped after {counts.done} of {counts.total} events: {countsSentence(counts)} What
          was imported stays; import the same file again to add the rest.
        </p>
      )}
      {state.phase === "failed" && (
        <>
          <Alert>{state.message}</Alert>
          {counts && (
            <button type="button" onClick={onRetry} className={secondaryButton("sm")}>
              <RotateCw aria-hidden className="size-4" />
              Try again
            </button>
          )}
        </>
      )}
    </div>
  );
}
