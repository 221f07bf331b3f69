import { redirect } from "@tanstack/react-router";
import type { RouterContext } from "../routes/__root";
import { loadSessionUser } from "./session";

/** Sign-in and sign-up pages send someone already signed in to their todos. */
export async function guestOnly({ context }: { context: RouterContext }) {
  if (await loadSessionUser(context.queryClient)) throw redirect({ to: "/todos" });
}
