import { Badge } from "@fluentui/react-components";
import { dueWords, ukDate } from "../format.js";

export interface DueBadgeProps {
  workingDaysLeft: number | null;
  overdue: boolean;
  dueDate: string | null;
  /** On a card: "3 days left" (working days, said in full to screen readers and on hover). */
  compact?: boolean;
}

function compactWords(daysLeft: number | null, overdue: boolean): string {
  if (daysLeft === null) return "";
  if (overdue && daysLeft >= 0) return "Overdue";
  if (daysLeft === 0) return "Due today";
  return daysLeft > 0
    ? `${daysLeft} ${daysLeft === 1 ? "day" : "days"} left`
    : `${-daysLeft} ${daysLeft === -1 ? "day" : "days"} late`;
}

/** Working days left to the deadline that matters now: amber at two or fewer, red once overdue. */
export function DueBadge({ workingDaysLeft, overdue, dueDate, compact = false }: DueBadgeProps) {
  if (dueDate === null) return null;
  const color =
    overdue || (workingDaysLeft ?? 0) < 0 ? "danger" : (workingDaysLeft ?? 99) <= 2 ? "warning" : "informative";
  const words = dueWords(workingDaysLeft, overdue);
  const full = `${words}, due ${ukDate(dueDate)}`;
  return (
    <Badge
      appearance="tint"
      color={color}
      shape="rounded"
      title={full}
      aria-label={compact ? full : undefined}
      data-due={color}
      style={{ whiteSpace: "nowrap", flexShrink: 0 }}
    >
      {compact ? compactWords(workingDaysLeft, overdue) : words}
    </Badge>
  );
}
