import type { PlainDate } from "./calendar/types.js";
import type { ComplaintCase } from "./case.js";

/**
 * The deadline that matters now: the response before the outcome, the appeal decision during an appeal, nothing
 * once the complainant has an answer. Boards and the overdue filter use this one date.
 */
export function currentDeadline(c: Pick<ComplaintCase, "stage" | "responseDueDate" | "appeal">): PlainDate | null {
  switch (c.stage) {
    case "received":
    case "triaged":
    case "investigating":
      return c.responseDueDate;
    case "appeal":
      return c.appeal?.responseDueDate ?? null;
    default:
      return null;
  }
}

export const isOverdue = (
  c: Pick<ComplaintCase, "stage" | "responseDueDate" | "appeal">,
  today: PlainDate,
): boolean => {
  const due = currentDeadline(c);
  return due !== null && due < today;
};
