import { createFileRoute, Link } from "@tanstack/react-router";

export const Route = createFileRoute("/")({
  head: () => ({ meta: [{ title: "Checkmark: keep your todos" }] }),
  component: Landing,
});

function Landing() {
  const { user } = Route.useRouteContext();
  return (
    <section className="py-24 text-center">
      <h1 className="text-4xl font-semibold tracking-tight sm:text-5xl">
        Everything you need to do, <span className="text-indigo-600">in one list</span>.
      </h1>
      <p className="mx-auto mt-4 max-w-xl text-lg text-slate-600">
        Checkmark keeps your todos safe in your account, fast on every device, and private to you.
      </p>
      <div className="mt-10 flex justify-center gap-3">
        {user ? (
          <Link
            to="/todos"
            className="rounded-lg bg-indigo-600 px-5 py-2.5 font-medium text-white shadow-sm hover:bg-indigo-500"
          >
            Open your todos
          </Link>
        ) : (
          <>
            <Link
              to="/sign-up"
              className="rounded-lg bg-indigo-600 px-5 py-2.5 font-medium text-white shadow-sm hover:bg-indigo-500"
            >
              Create an account
            </Link>
            <Link
              to="/sign-in"
              className="rounded-lg border border-slate-300 bg-white px-5 py-2.5 font-medium text-slate-700 hover:bg-slate-50"
            >
              Sign in
            </Link>
          </>
        )}
      </div>
    </section>
  );
}
