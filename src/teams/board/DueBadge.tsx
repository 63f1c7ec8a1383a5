import { Badge } from "@fluentui/react-components";
import { dueWords } from "../format.js";
import { compactDueWords, dueColour, fullDueWords } from "./card-words.js";

export interface DueBadgeProps {
  workingDaysLeft: number | null;
  overdue: boolean;
  dueDate: string | null;
  /** On a card: "3 days left" (working days, said in full to screen readers and on hover). */
  compact?: boolean;
}

/** Working days left to the deadline that matters now: amber at two or fewer, red once overdue. */
export function DueBadge({ workingDaysLeft, overdue, dueDate, compact = false }: DueBadgeProps) {
  if (dueDate === null) return null;
  const color = dueColour(workingDaysLeft, overdue);
  const words = dueWords(workingDaysLeft, overdue);
  const full = fullDueWords(workingDaysLeft, overdue, dueDate);
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
      {compact ? compactDueWords(workingDaysLeft, overdue) : words}
    </Badge>
  );
}
