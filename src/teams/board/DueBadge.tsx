import { Badge } from "@fluentui/react-components";
import { dueWords, ukDate } from "../format.js";

export interface DueBadgeProps {
  workingDaysLeft: number | null;
  overdue: boolean;
  dueDate: string | null;
}

/** Working days left to the deadline that matters now: amber at two or fewer, red once overdue. */
export function DueBadge({ workingDaysLeft, overdue, dueDate }: DueBadgeProps) {
  if (dueDate === null) return null;
  const color =
    overdue || (workingDaysLeft ?? 0) < 0 ? "danger" : (workingDaysLeft ?? 99) <= 2 ? "warning" : "informative";
  const words = dueWords(workingDaysLeft, overdue);
  return (
    <Badge
      appearance="tint"
      color={color}
      shape="rounded"
      title={`Due ${ukDate(dueDate)}`}
      data-due={color}
      style={{ whiteSpace: "nowrap", flexShrink: 0 }}
    >
      {words}
    </Badge>
  );
}
