import { secondaryButton } from "./button-styles";

/** "Previous" and "Next" under a list paged by cursors; shown only when there is a way to go. */
export function PageButtons(props: {
  labels: [previous: string, next: string];
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
}) {
  if (!props.hasPrevious && !props.hasNext) return null;
  const className = `${secondaryButton("sm")} disabled:opacity-40`;
  return (
    <div className="mt-3 flex justify-between">
      <button
        type="button"
        disabled={!props.hasPrevious}
        onClick={props.onPrevious}
        className={className}
      >
        {props.labels[0]}
      </button>
      <button type="button" disabled={!props.hasNext} onClick={props.onNext} className={className}>
        {props.labels[1]}
      </button>
    </div>
  );
}
