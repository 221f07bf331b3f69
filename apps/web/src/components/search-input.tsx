import { Search } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import { IconButton } from "./icon-button";

const DEFAULT_DELAY_MS = 300;

/**
 * A search box that reports what is typed once typing pauses (`delayMs`), so each keystroke
 * does not cost a request. It follows `value` when that changes from outside (a "clear filter"
 * link). Inside a GET form it also works before JavaScript loads: Enter submits `name`.
 */
export function SearchInput(props: {
  label: string;
  value: string;
  onSearch: (value: string) => void;
  name?: string;
  placeholder?: string;
  maxLength?: number;
  delayMs?: number;
}) {
  const { value, onSearch, delayMs = DEFAULT_DELAY_MS } = props;
  const id = useId();
  const [text, setText] = useState(value);
  const reported = useRef(value);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (value !== reported.current) {
      reported.current = value;
      setText(value);
    }
  }, [value]);

  useEffect(() => {
    if (text === reported.current) return;
    const timer = setTimeout(() => {
      reported.current = text;
      onSearch(text);
    }, delayMs);
    return () => clearTimeout(timer);
  }, [text, delayMs, onSearch]);

  const clear = () => {
    setText("");
    reported.current = "";
    onSearch("");
    input.current?.focus();
  };

  return (
    <div className="relative">
      <label htmlFor={id} className="sr-only">
        {props.label}
      </label>
      <Search
        aria-hidden
        className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-ink-muted"
      />
      <input
        ref={input}
        id={id}
        type="search"
        name={props.name}
        value={text}
        maxLength={props.maxLength}
        placeholder={props.placeholder}
        autoComplete="off"
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Escape" && text) {
            event.preventDefault();
            clear();
          }
        }}
        className="block h-10.5 w-full appearance-none rounded-lg border border-field-border bg-surface py-2 pr-10 pl-9 pointer-coarse:h-11 text-ink shadow-sm placeholder:text-ink-muted focus-visible:outline-offset-0 [&::-webkit-search-cancel-button]:hidden"
      />
      {text && (
        <IconButton
          label="Clear search"
          icon="x"
          onClick={clear}
          className="absolute top-1/2 right-0.5 -translate-y-1/2"
        />
      )}
    </div>
  );
}
