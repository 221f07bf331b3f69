import type { AppRouterClient } from "@checkmark/api";
import type { InferClientOutputs } from "@orpc/client";
import { useQueryClient } from "@tanstack/react-query";
import { useNavigate, useRouter } from "@tanstack/react-router";
import { orpc } from "./orpc";

export type SessionUser = NonNullable<InferClientOutputs<AppRouterClient>["account"]["me"]>;

export const sessionQuery = () => orpc.account.me.queryOptions();

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
