import { useId } from "react";

/**
 * A labelled progress bar: the native <progress> (role progressbar, its value read out by
 * screen readers) styled without inline styles, which the page CSP forbids.
 */
export function ProgressBar(props: { label: string; value: number; max: number }) {
  const id = useId();
  const percent = props.max > 0 ? Math.floor((props.value / props.max) * 100) : 0;
  return (
    <div className="space-y-1">
      <div className="flex justify-between gap-4 text-sm">
        <span id={id} className="font-medium">
          {props.label}
        </span>
        <span className="text-ink-muted tabular-nums">{percent}%</span>
      </div>
      <progress
        aria-labelledby={id}
        value={props.value}
        max={Math.max(props.max, 1)}
        className="block h-2.5 w-full appearance-none overflow-hidden rounded-full bg-surface-muted [&::-moz-progress-bar]:bg-accent-solid [&::-webkit-progress-bar]:bg-surface-muted [&::-webkit-progress-value]:bg-accent-solid [&::-webkit-progress-value]:transition-all"
      />
    </div>
  );
}
