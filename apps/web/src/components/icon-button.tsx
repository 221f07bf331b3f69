import type { ButtonHTMLAttributes, Ref } from "react";
import { SpriteIcon, type SpriteIconName } from "./icon-sprite";

const TONES = {
  neutral: "hover:bg-surface-muted hover:text-ink",
  danger: "hover:bg-danger-surface hover:text-danger",
};

/**
 * A button that shows only an icon: `label` names it for screen readers and as its tooltip.
 * 36 px under a mouse, 44 px under a finger (pointer: coarse), the smallest comfortable tap.
 */
export function IconButton({
  label,
  icon,
  tone = "neutral",
  className = "",
  ref,
  ...button
}: Omit<ButtonHTMLAttributes<HTMLButtonElement>, "children" | "aria-label" | "title"> & {
  label: string;
  icon: SpriteIconName;
  tone?: keyof typeof TONES;
  ref?: Ref<HTMLButtonElement>;
}) {
  return (
    <button
      ref={ref}
      type="button"
      {...button}
      aria-label={label}
      title={label}
      className={`grid size-9 shrink-0 pointer-coarse:size-11 place-items-center rounded-md text-ink-muted transition disabled:cursor-wait disabled:opacity-50 ${TONES[tone]} ${className}`}
    >
      <SpriteIcon name={icon} className="size-4" />
    </button>
  );
}
