import { SpriteIcon } from "../../../components/icon-sprite";
import { formatCalendarDate } from "../../../lib/use-today";

/** When a todo is due, in words: marked when that day is today, and plainly when it has passed. */
export function DueDate({
  date,
  today,
  completed,
}: {
  date: string;
  today: string;
  completed: boolean;
}) {
  const overdue = !completed && date < today;
  const dueToday = !completed && date === today;
  const when = date === today ? "today" : formatCalendarDate(date, today);
  const tone = overdue
    ? "bg-danger-surface text-danger"
    : dueToday
      ? "bg-accent-surface text-accent"
      : "bg-surface-muted text-ink-muted";
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ${tone}`}
    >
      <SpriteIcon name="calendar" className="size-3.5" />
      {overdue ? `Overdue · ${when}` : `Due ${when}`}
    </span>
  );
}
