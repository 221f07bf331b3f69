import { type ErrorComponentProps, useRouter } from "@tanstack/react-router";
import { CircleAlert, Clock, RotateCw } from "lucide-react";
import { useEffect } from "react";
import { errorStatus } from "../lib/error-status";
import { reportError } from "../lib/report-error";
import { primaryButton } from "./button-styles";

/** Rate limits are the visitor's own doing, not a bug: they get words, not an error report. */
const isRateLimited = (error: unknown) => errorStatus(error) === 429;

/** What a page shows when its data could not load; never a stack trace. */
export function RouteError({ error, reset }: ErrorComponentProps) {
  const router = useRouter();
  const limited = isRateLimited(error);
  useEffect(() => {
    if (!limited) reportError(error);
  }, [error, limited]);
  const Icon = limited ? Clock : CircleAlert;
  return (
    <div className="mx-auto flex max-w-md flex-col items-center py-24 text-center">
      <span className="grid size-12 place-items-center rounded-full bg-danger-surface text-danger">
        <Icon aria-hidden className="size-6" />
      </span>
      <h1 className="mt-4 text-2xl font-semibold">
        {limited ? "Too many requests" : "Something went wrong"}
      </h1>
      <p className="mt-2 text-ink-muted">
        {limited
          ? "You have made a lot of requests in a short time. Wait a minute, then try again."
          : "We could not load this page. Please try again."}
      </p>
      <button
        type="button"
        onClick={() => {
          reset();
          void router.invalidate();
        }}
        className={`mt-6 ${primaryButton()}`}
      >
        <RotateCw aria-hidden className="size-4" />
        Try again
      </button>
    </div>
  );
}
