import { type ErrorComponentProps, useRouter } from "@tanstack/react-router";
import { useEffect } from "react";
import { reportError } from "../lib/report-error";

/** Rate limits are the visitor's own doing, not a bug: they get words, not an error report. */
const isRateLimited = (error: unknown) =>
  typeof error === "object" && error !== null && "status" in error && error.status === 429;

/** What a page shows when its data could not load; never a stack trace. */
export function RouteError({ error, reset }: ErrorComponentProps) {
  const router = useRouter();
  const limited = isRateLimited(error);
  useEffect(() => {
    if (!limited) reportError(error);
  }, [error, limited]);
  return (
    <div className="mx-auto max-w-md py-24 text-center">
      <h1 className="text-2xl font-semibold">
        {limited ? "Too many requests" : "Something went wrong"}
      </h1>
      <p className="mt-2 text-slate-600">
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
        className="mt-6 rounded-lg bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-500"
      >
        Try again
      </button>
    </div>
  );
}
