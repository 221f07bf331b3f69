import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { orpc } from "./orpc";

const FIRST_RETRY_MS = 1_000;
const LONGEST_RETRY_MS = 30_000;

/**
 * Keeps this tab's todos fresh: a WebSocket to /api/live says when the user's data changed
 * in any tab, and the todo queries refetch. A dropped connection is retried with backoff
 * (1 s doubling to 30 s); on every reconnect the page refetches what it may have missed.
 */
export function useLiveUpdates() {
  const queryClient = useQueryClient();
  useEffect(() => {
    let socket: WebSocket | null = null;
    let retryIn = FIRST_RETRY_MS;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    let opened = false;
    const refetch = () => {
      void queryClient.invalidateQueries({ queryKey: orpc.todo.key() });
      void queryClient.invalidateQueries({ queryKey: orpc.attachment.key() });
    };
    const connect = () => {
      const url = new URL("/api/live", window.location.href);
      url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
      socket = new WebSocket(url);
      socket.addEventListener("open", () => {
        if (opened) refetch();
        opened = true;
        retryIn = FIRST_RETRY_MS;
        document.documentElement.dataset.live = "open";
      });
      socket.addEventListener("message", refetch);
      socket.addEventListener("close", (event) => {
        document.documentElement.dataset.live = "closed";
        // 4001: the session ended; the next request will send the user to sign in.
        if (stopped || event.code === 4001) return;
        timer = setTimeout(connect, retryIn);
        retryIn = Math.min(retryIn * 2, LONGEST_RETRY_MS);
      });
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(timer);
      socket?.close(1000);
    };
  }, [queryClient]);
}
