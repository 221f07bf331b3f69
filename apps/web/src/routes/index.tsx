import { createFileRoute, Link } from "@tanstack/react-router";
import { primaryButton, secondaryButton } from "../components/button-styles";
import { useSessionUser } from "../lib/session";

export const Route = createFileRoute("/")({
  head: () => ({ meta: [{ title: "Checkmark: keep your todos" }] }),
  component: Landing,
});

function Landing() {
  const user = useSessionUser();
  return (
    <section className="py-16 text-center sm:py-24">
      <h1 className="text-4xl font-semibold tracking-tight text-balance sm:text-5xl">
        Everything you need to do, <span className="text-accent">in one list</span>.
      </h1>
      <p className="mx-auto mt-4 max-w-xl text-lg text-ink-muted">
        Checkmark keeps your todos safe in your account, fast on every device, and private to you.
      </p>
      <div className="mt-10 flex flex-wrap justify-center gap-3">
        {user ? (
          <Link to="/todos" className={primaryButton("lg")}>
            Open your todos
          </Link>
        ) : (
          <>
            <Link to="/sign-up" className={primaryButton("lg")}>
              Create an account
            </Link>
            <Link to="/sign-in" className={secondaryButton("lg")}>
              Sign in
            </Link>
          </>
        )}
      </div>
    </section>
  );
}
