import { formatUkLong } from "../domain/calendar/plain-date.js";
import type { ComplaintCase } from "../domain/case.js";
import type { AdaptiveCard } from "../ports/board-notifier.js";
import type { BoardEvent } from "./case-effects.js";

const TITLES: Record<Exclude<BoardEvent, "overdue-digest">, string> = {
  "serious-received": "Serious complaint received — directors to be consulted",
  "appeal-received": "Appeal received",
  "outcome-sent": "Final outcome sent — for the Board's information",
  "appeal-decided": "Appeal decided — for the Board's information",
};

const RESULT: Record<string, string> = {
  upheld: "Upheld",
  "partly-upheld": "Partly upheld",
  "not-upheld": "Not upheld",
};

/**
 * The Adaptive Card for one case event: readable without opening anything, one button to the case. Only what the
 * Board needs: reference, category, result and dates — not the complainant's name or the complaint's words.
 */
export function caseCard(options: {
  event: Exclude<BoardEvent, "overdue-digest">;
  c: ComplaintCase;
  url: string;
  marker: string;
}): AdaptiveCard {
  const { c, event } = options;
  const facts: Array<{ title: string; value: string }> = [
    { title: "Reference", value: c.reference },
    { title: "Category", value: c.triage?.category ?? "Not yet triaged" },
  ];
  if (event === "serious-received" || event === "appeal-received") {
    const due = event === "appeal-received" ? c.appeal?.responseDueDate : c.responseDueDate;
    if (due) facts.push({ title: "Response due", value: formatUkLong(due) });
  }
  if (event === "appeal-received" && c.appeal)
    facts.push({ title: "In time", value: c.appeal.inTime ? "Yes" : "No — late appeal accepted with a reason" });
  if (event === "outcome-sent" && c.outcome) {
    facts.push({ title: "Outcome", value: RESULT[c.outcome.result] ?? c.outcome.result });
    facts.push({ title: "Appeals due by", value: formatUkLong(c.outcome.appealDeadline) });
  }
  if (event === "appeal-decided" && c.appealDecision) {
    facts.push({ title: "Appeal decision", value: RESULT[c.appealDecision.result] ?? c.appealDecision.result });
  }
  return card(TITLES[event], facts, options.url, options.marker);
}

/** The daily digest of overdue cases, posted once a working day in office hours. */
export function overdueDigestCard(options: {
  cases: Array<{ reference: string; dueDate: string; url: string }>;
  boardUrl: string;
  marker: string;
}): AdaptiveCard {
  const facts = options.cases
    .slice(0, 25)
    .map((c) => ({ title: c.reference, value: `Was due ${formatUkLong(c.dueDate)}` }));
  if (options.cases.length > 25) facts.push({ title: "…", value: `and ${options.cases.length - 25} more` });
  return card(
    `${options.cases.length} complaint${options.cases.length === 1 ? "" : "s"} overdue`,
    facts,
    options.boardUrl,
    options.marker,
  );
}

function card(
  title: string,
  facts: Array<{ title: string; value: string }>,
  url: string,
  marker: string,
): AdaptiveCard {
  return {
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    type: "AdaptiveCard",
    version: "1.5",
    body: [
      { type: "TextBlock", text: title, weight: "Bolder", size: "Medium", wrap: true },
      { type: "FactSet", facts },
      // The marker lets a retry find this post in the channel; small and quiet for readers.
      { type: "TextBlock", text: `Redress notice ${marker}`, size: "Small", isSubtle: true, wrap: true },
    ],
    actions: [{ type: "Action.OpenUrl", title: "Open in Redress", url }],
  };
}
