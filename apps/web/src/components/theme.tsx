import { createContext, type ReactNode, useContext, useState } from "react";
import { saveTheme, type Theme } from "../lib/theme";

const ThemeContext = createContext<{ theme: Theme; setTheme: (theme: Theme) => void } | null>(null);

/** Holds the visitor's theme for <html data-theme> and the controls that change it. */
export function ThemeProvider({ initial, children }: { initial: Theme; children: ReactNode }) {
  const [theme, setState] = useState(initial);
  const setTheme = (next: Theme) => {
    saveTheme(next);
    setState(next);
  };
  return <ThemeContext value={{ theme, setTheme }}>{children}</ThemeContext>;
}

export function useTheme() {
  const context = useContext(ThemeContext);
  if (!context) throw new Error("useTheme needs a ThemeProvider above it");
  return context;
}
