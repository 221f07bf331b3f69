import { createFileRoute, Link } from "@tanstack/react-router";
import { useState } from "react";
import { z } from "zod";
import { AuthCard } from "../components/auth-card";
import { authClient } from "../lib/auth-client";
import { describeAuthError } from "../lib/auth-errors";

export const Route = createFileRoute("/check-email")({
  validateSearch: z.object({ email: z.string().max(254).catch("") }),
  head: () => ({ meta: [{ title: "Check your email · Checkmark" }] }),
  component: CheckEmailPage,
});

function CheckEmailPage() {
  const { email } = Route.useSearch();
  const [status, setStatus] = useState<"idle" | "sending" | "sent" | string>("idle");

  async function resend() {
    setStatus("sending");
    const { error } = await authClient.sendVerificationEmail({ email, callbackURL: "/sign-in" });
    setStatus(error ? describeAuthError(error) : "sent");
  }

  return (
    <AuthCard
      title="Check your email"
      subtitle={
        <>
          We sent a confirmation link to{" "}
          <strong className="text-slate-800">{email || "you"}</strong>.
        </>
      }
    >
      <div className="space-y-4 text-sm text-slate-600">
        <p>
          Open the link in that email and enter the password you just chose: that confirms your
          address, signs you in and takes you to your todos.
        </p>
        <p>Nothing there after a minute? Look in your spam folder, or send the link again.</p>
        <button
          type="button"
          onClick={resend}
          disabled={!email || status === "sending"}
          className="w-full rounded-lg border border-slate-300 bg-white px-4 py-2 font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-60"
        >
          {status === "sending" ? "Sending…" : "Send the link again"}
        </button>
        {status === "sent" && (
          <p role="status" className="text-emerald-700">
            Sent. Check your inbox again.
          </p>
        )}
        {status !== "idle" && status !== "sending" && status !== "sent" && (
          <p role="alert" className="text-rose-700">
            {status}
          </p>
        )}
        <p className="text-center">
          <Link to="/sign-in" className="text-indigo-600 hover:underline">
            Back to sign in
          </Link>
        </p>
      </div>
    </AuthCard>
  );
}
