import { createFileRoute, Link } from "@tanstack/react-router";
import { AuthCard } from "../components/auth-card";
import { MailedLinkAction } from "../components/mailed-link-action";
import { orpc } from "../lib/orpc";
import { mailedLinkSearch } from "../lib/search-params";

export const Route = createFileRoute("/restore-email")({
  // The notice to the old address links here with ?token= ("this wasn't me").
  validateSearch: mailedLinkSearch,
  head: () => ({ meta: [{ title: "Restore your email · Checkmark" }] }),
  component: RestoreEmailPage,
});

function RestoreEmailPage() {
  const { token } = Route.useSearch();
  return (
    <AuthCard
      title="Restore your email"
      subtitle="If you did not change your email, put your old address back and shut out whoever did: every device signed out, every API key and passkey removed, two-step verification turned off."
    >
      <MailedLinkAction
        token={token}
        action="Restore my email and sign out everywhere"
        pendingLabel="Restoring…"
        run={(value) => orpc.account.restoreEmail.call({ token: value })}
        done={(email) => (
          <>
            Your account signs in with {email} again. Every device is signed out, and every API key,
            passkey and two-step verification is removed: add yours again once you are back in.
            Whoever changed it may know your password:{" "}
            <Link to="/forgot-password" className="underline">
              choose a new one now
            </Link>
            .
          </>
        )}
      />
    </AuthCard>
  );
}
