import { useState } from "react";
import { secondaryButton } from "./button-styles";

/** Copies `text` to the clipboard and says so; where the browser refuses, says to select it. */
export function CopyButton({ text, label = "Copy" }: { text: string; label?: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      setState("failed");
    }
  };
  return (
    <span className="mt-2 flex flex-wrap items-center gap-2">
      <button type="button" className={secondaryButton("sm")} onClick={() => void copy()}>
        {state === "copied" ? "Copied" : label}
      </button>
      {state === "failed" && <span>Select it and copy it yourself.</span>}
    </span>
  );
}
