import { redirect } from "@tanstack/react-router";
import type { RouterContext } from "../routes/__root";

/** Sign-in and sign-up pages send someone already signed in to their todos. */
export function guestOnly({ context }: { context: RouterContext }) {
  if (context.user) throw redirect({ to: "/todos" });
}
