import { type MouseEvent, useState } from "react";
import { problemDetail } from "./problem-detail";

/** The file name a download response gives in its Content-Disposition, if any. */
function fileNameOf(response: Response): string | null {
  const header = response.headers.get("content-disposition") ?? "";
  return /filename="([^"]+)"/.exec(header)?.[1] ?? null;
}

/**
 * Downloads from links the server may refuse (an export budget, a session that ended): the
 * link is fetched first, so a refusal shows its reason on the page instead of as a failed entry
 * in the browser's downloads. Without JavaScript the links stay plain downloads.
 */
export function useDownload() {
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function download(event: MouseEvent<HTMLAnchorElement>) {
    event.preventDefault();
    const href = event.currentTarget.getAttribute("href");
    if (!href || pending) return;
    setPending(href);
    setError(null);
    try {
      const response = await fetch(href);
      if (!response.ok) {
        setError(await problemDetail(response, "That download did not start. Try again."));
        return;
      }
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement("a");
      link.href = url;
      link.download = fileNameOf(response) ?? href.split("/").pop() ?? "download";
      link.click();
      // The click hands the file to the browser; the URL is released once it has it.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch {
      setError("That download did not start. Check your connection and try again.");
    } finally {
      setPending(null);
    }
  }

  return { download, pending, error };
}
