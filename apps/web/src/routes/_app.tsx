import { createFileRoute, Outlet, redirect } from "@tanstack/react-router";
import { IconSprite } from "../components/icon-sprite";
import { loadSessionUser } from "../lib/session";

/**
 * Everything under _app needs a session; visitors without one go to sign in. Checked in the
 * loader, not beforeLoad, so the session read runs beside the page's own loader and travels in
 * the same batched request (docs/decisions/083). The router commits nothing until every loader
 * has settled and a parent's redirect wins over a child's failure, so a visitor never sees the
 * protected page: the server answers with the redirect, the browser navigates to sign in.
 */
export const Route = createFileRoute("/_app")({
  loader: async ({ context }) => {
    const user = await loadSessionUser(context.queryClient);
    if (!user) throw redirect({ to: "/sign-in" });
    return { user };
  },
  component: SignedInLayout,
});

function SignedInLayout() {
  return (
    <>
      <IconSprite />
      <Outlet />
    </>
  );
}
