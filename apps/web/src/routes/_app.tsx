import { createFileRoute, Outlet, redirect } from "@tanstack/react-router";

/** Everything under _app needs a session; visitors without one go to sign in. */
export const Route = createFileRoute("/_app")({
  beforeLoad: ({ context }) => {
    if (!context.user) throw redirect({ to: "/sign-in" });
    return { user: context.user };
  },
  component: Outlet,
});
