import { createFileRoute, Link } from "@tanstack/react-router";
import { AuthCard } from "../components/auth-card";
import { MailedLinkAction } from "../components/mailed-link-action";
import { orpc } from "../lib/orpc";
import { mailedLinkSearch } from "../lib/search-params";

export const Route = createFileRoute("/confirm-email-change")({
  // The mail to the new address links here with ?token=.
  validateSearch: mailedLinkSearch,
  head: () => ({ meta: [{ title: "Confirm your new email · Checkmark" }] }),
  component: ConfirmEmailChangePage,
});

function ConfirmEmailChangePage() {
  const { token } = Route.useSearch();
  return (
    <AuthCard
      title="Confirm your new email"
      subtitle="Your account will sign in with this address from now on."
    >
      <MailedLinkAction
        token={token}
        action="Use this address"
        pendingLabel="Confirming…"
        run={(value) => orpc.account.confirmEmailChange.call({ token: value })}
        done={({ email }) => (
          <>
            Done: you now sign in with {email}.{" "}
            <Link to="/sign-in" className="underline">
              Sign in
            </Link>
          </>
        )}
      />
    </AuthCard>
  );
}
