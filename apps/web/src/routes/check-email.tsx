import { createFileRoute, Link } from "@tanstack/react-router";
import { useState } from "react";
import { Alert } from "../components/alert";
import { AuthCard } from "../components/auth-card";
import { secondaryButton } from "../components/button-styles";
import { SuccessNote } from "../components/success-note";
import { authClient } from "../lib/auth-client";
import { describeAuthError } from "../lib/auth-errors";
import { searchText } from "../lib/search-params";

export const Route = createFileRoute("/check-email")({
  validateSearch: (search) => ({ email: searchText(search.email, 254) ?? "" }),
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
          We sent a confirmation link to <strong className="text-ink">{email || "you"}</strong>.
        </>
      }
    >
      <div className="space-y-4 text-sm text-ink-muted">
        <p>
          Open the link in that email and enter the password you just chose: that confirms your
          address, signs you in and takes you to your todos.
        </p>
        <p>Nothing there after a minute? Look in your spam folder, or send the link again.</p>
        <button
          type="button"
          onClick={resend}
          disabled={!email || status === "sending"}
          className={`w-full ${secondaryButton()}`}
        >
          {status === "sending" ? "Sending…" : "Send the link again"}
        </button>
        {status === "sent" && <SuccessNote>Sent. Check your inbox again.</SuccessNote>}
        {status !== "idle" && status !== "sending" && status !== "sent" && <Alert>{status}</Alert>}
        <p className="text-center">
          <Link to="/sign-in" className="text-accent underline-offset-2 hover:underline">
            Back to sign in
          </Link>
        </p>
      </div>
    </AuthCard>
  );
}
