import {
  CalendarDays,
  Globe,
  type LucideIcon,
  MapPin,
  Paperclip,
  Pencil,
  Trash2,
  X,
} from "lucide-react";

// The icons that lists repeat on every row. Each is drawn once per page, inside <symbol>, and
// every row points at it with <use>: a row of 50 todos then renders two small elements per
// icon instead of lucide's whole <svg> with its paths (docs/decisions/124).
const SPRITE = {
  calendar: CalendarDays,
  globe: Globe,
  "map-pin": MapPin,
  paperclip: Paperclip,
  pencil: Pencil,
  trash: Trash2,
  x: X,
} satisfies Record<string, LucideIcon>;

export type SpriteIconName = keyof typeof SPRITE;

const symbolId = (name: SpriteIconName) => `icon-${name}`;

/** The symbols every SpriteIcon points at; rendered once, by the signed-in layout. */
export function IconSprite() {
  return (
    <svg aria-hidden className="absolute size-0 overflow-hidden">
      {Object.entries(SPRITE).map(([name, Icon]) => (
        <symbol key={name} id={symbolId(name as SpriteIconName)} viewBox="0 0 24 24">
          <Icon />
        </symbol>
      ))}
    </svg>
  );
}

/** One of the sprite's icons, decorative (its button or text names it). */
export function SpriteIcon({ name, className }: { name: SpriteIconName; className: string }) {
  return (
    <svg aria-hidden className={className}>
      <use href={`#${symbolId(name)}`} />
    </svg>
  );
}
