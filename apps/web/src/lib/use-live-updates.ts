import { LIVE_TOPICS, type LiveTopic } from "@checkmark/api/schemas";
import { type QueryKey, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { orpc } from "./orpc";

const FIRST_RETRY_MS = 1_000;
const LONGEST_RETRY_MS = 30_000;

/** The queries each topic of /api/live refetches; files hang off both todos and events. */
const QUERIES_OF: Record<LiveTopic, QueryKey[]> = {
  todos: [orpc.todo.key(), orpc.attachment.key()],
  events: [orpc.event.key(), orpc.attachment.key()],
};

function topicOf(data: unknown): LiveTopic | null {
  try {
    const topic = (JSON.parse(String(data)) as { topic?: unknown }).topic;
    return LIVE_TOPICS.find((known) => known === topic) ?? null;
  } catch {
    return null;
  }
}

/**
 * Keeps this tab's todos and events fresh: a WebSocket to /api/live says when the user's data
 * changed in any tab, and that topic's queries refetch. A dropped connection is retried with backoff
 * (1 s doubling to 30 s); on every reconnect the page refetches what it may have missed. A user
 * holds at most 20 sockets: a tab whose socket a newer tab replaced (4002) reconnects after its
 * usual wait if it is in view, and otherwise only once it is shown again, so tabs in the
 * background never take turns replacing each other (ADR 134).
 */
export function useLiveUpdates() {
  const queryClient = useQueryClient();
  useEffect(() => {
    let socket: WebSocket | null = null;
    let retryIn = FIRST_RETRY_MS;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    let opened = false;
    const refetch = (topics: LiveTopic[]) => {
      for (const queryKey of topics.flatMap((topic) => QUERIES_OF[topic])) {
        void queryClient.invalidateQueries({ queryKey });
      }
    };
    const whenShown = () => {
      if (document.visibilityState !== "visible") return;
      document.removeEventListener("visibilitychange", whenShown);
      connect();
    };
    const connect = () => {
      const url = new URL("/api/live", window.location.href);
      url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
      socket = new WebSocket(url);
      socket.addEventListener("open", () => {
        if (opened) refetch(["todos", "events"]);
        opened = true;
        retryIn = FIRST_RETRY_MS;
        document.documentElement.dataset.live = "open";
      });
      socket.addEventListener("message", (message) => {
        const topic = topicOf(message.data);
        if (topic) refetch([topic]);
      });
      socket.addEventListener("close", (event) => {
        document.documentElement.dataset.live = "closed";
        // 4001: the session ended; the next request will send the user to sign in.
        if (stopped || event.code === 4001) return;
        if (event.code === 4002 && document.visibilityState !== "visible") {
          document.addEventListener("visibilitychange", whenShown);
          return;
        }
        timer = setTimeout(connect, retryIn);
        retryIn = Math.min(retryIn * 2, LONGEST_RETRY_MS);
      });
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener("visibilitychange", whenShown);
      socket?.close(1000);
    };
  }, [queryClient]);
}
