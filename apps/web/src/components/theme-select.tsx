import { ChevronDown, Monitor, Moon, Sun } from "lucide-react";
import { useId } from "react";
import { THEMES, type Theme } from "../lib/theme";
import { useTheme } from "./theme";

const NAMES: Record<Theme, string> = { light: "Light", dark: "Dark", system: "System" };
const ICONS = { light: Sun, dark: Moon, system: Monitor } satisfies Record<Theme, unknown>;

/**
 * The theme switch: a native select (named, keyboard and screen-reader friendly, the phone's
 * own picker) drawn as an icon, with the theme's name beside it where there is room.
 */
export function ThemeSelect() {
  const { theme, setTheme } = useTheme();
  const id = useId();
  const Icon = ICONS[theme];
  return (
    <div className="relative flex h-9 items-center justify-center gap-1.5 rounded-md px-2 pointer-coarse:h-11 pointer-coarse:min-w-11 text-sm font-medium text-ink-muted hover:bg-surface-muted hover:text-ink has-[select:focus-visible]:outline-2 has-[select:focus-visible]:outline-offset-2 has-[select:focus-visible]:outline-focus">
      <Icon aria-hidden className="size-4.5" />
      <span aria-hidden className="hidden lg:inline">
        {NAMES[theme]}
      </span>
      <ChevronDown aria-hidden className="hidden size-3.5 lg:block" />
      <label htmlFor={id} className="sr-only">
        Theme
      </label>
      <select
        id={id}
        value={theme}
        onChange={(event) => setTheme(event.target.value as Theme)}
        title={`Theme: ${NAMES[theme]}`}
        className="absolute inset-0 cursor-pointer appearance-none rounded-md opacity-0"
      >
        {THEMES.map((option) => (
          <option key={option} value={option}>
            {NAMES[option]}
          </option>
        ))}
      </select>
    </div>
  );
}
