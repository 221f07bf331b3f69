import type { AppRouterClient } from "@checkmark/api";
import type { InferClientOutputs } from "@orpc/client";
import { type QueryClient, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, useNavigate, useRouter } from "@tanstack/react-router";
import { orpc } from "./orpc";

export type SessionUser = NonNullable<InferClientOutputs<AppRouterClient>["account"]["me"]>;

export const sessionQuery = () => orpc.account.me.queryOptions();

/**
 * Who is signed in (null for a visitor), from the query cache or one `account.me` call. Route
 * loaders call it in the same tick as the page's own queries, so a page render sends them all
 * as one batched request (docs/decisions/083).
 */
export const loadSessionUser = (queryClient: QueryClient): Promise<SessionUser | null> =>
  queryClient.ensureQueryData(sessionQuery());

const rootRoute = getRouteApi("__root__");
const appRoute = getRouteApi("/_app");

/** The signed-in user or null, as the root route loaded it for this page. */
export const useSessionUser = (): SessionUser | null => rootRoute.useLoaderData().user;

/** The signed-in user on pages under _app, which sends visitors to sign in first. */
export const useSignedInUser = (): SessionUser => appRoute.useLoaderData().user;

/** After signing in or out: forget every cached answer, re-run route guards, then move on. */
export function useSessionChange() {
  const queryClient = useQueryClient();
  const router = useRouter();
  const navigate = useNavigate();
  return async (to: "/" | "/todos" | "/admin/users") => {
    queryClient.clear();
    await router.invalidate();
    await navigate({ to, replace: true });
  };
}
