import { formatUkLong } from "../calendar/plain-date.js";
import { ROOT_CAUSE_LABELS, type RootCause } from "../learning.js";
import type { MeetingPack, PackCase } from "./meeting-pack.js";
import type { ReportBlock, ReportDocument } from "./report-document.js";

const RESULT: Record<string, string> = {
  upheld: "Upheld",
  "partly-upheld": "Partly upheld",
  "not-upheld": "Not upheld",
};

export interface AgendaImprovementAction {
  description: string;
  ownerName: string;
  dueDate: string;
  overdue: boolean;
}

function section(
  title: string,
  empty: string,
  cases: readonly PackCase[],
  row: (p: PackCase) => string[],
  columns: string[],
): ReportBlock[] {
  if (cases.length === 0)
    return [
      { kind: "heading", text: title },
      { kind: "paragraph", text: empty },
    ];
  return [
    { kind: "heading", text: title },
    { kind: "table", caption: title, columns, rows: cases.map(row) },
  ];
}

/** Policy 2.1: the Operations Meeting's complaints agenda, from the pack. Names come from the directory. */
export function meetingAgenda(options: {
  pack: MeetingPack;
  meetingDate: string;
  organisationName: string;
  names: Readonly<Record<string, string>>;
  improvementActions: readonly AgendaImprovementAction[];
}): ReportDocument {
  const { pack, names } = options;
  const who = (id: string | null) => (id ? (names[id] ?? id) : "—");
  const day = (d: string | null | undefined) => (d ? formatUkLong(d) : "—");
  const since = pack.since
    ? `since the last Operations Meeting on ${formatUkLong(pack.since)}`
    : "since complaints were first recorded (no earlier meeting is recorded)";
  const cause = (p: PackCase) =>
    p.outcome?.rootCause ? (ROOT_CAUSE_LABELS[p.outcome.rootCause as RootCause] ?? p.outcome.rootCause) : "—";
  const blocks: ReportBlock[] = [
    {
      kind: "paragraph",
      text: `${options.organisationName} — Operations Meeting, ${formatUkLong(options.meetingDate)}`,
    },
    {
      kind: "paragraph",
      text: `Complaints for discussion ${since} (policy 2.1). Serious complaints are to be recorded in full in the minutes.`,
    },
    ...section(
      "1. Outcomes since the last meeting",
      "No outcomes were sent since the last meeting.",
      pack.outcomes,
      (p) => [
        p.reference,
        p.category ?? "—",
        p.outcome ? (RESULT[p.outcome.result] ?? "") : "—",
        day(p.outcome?.sentOn),
        cause(p),
        p.outcome?.lessonsLearned ?? "—",
      ],
      ["Reference", "Category", "Outcome", "Sent", "Root cause", "Lessons learned"],
    ),
    ...section(
      "2. Serious complaints",
      "There are no open serious complaints.",
      pack.serious,
      (p) => [
        p.reference,
        p.category ?? "—",
        p.stage,
        who(p.handlerId),
        p.discussion?.minutesLinked ? "Minutes linked" : "Record in full in the minutes",
      ],
      ["Reference", "Category", "Stage", "Handler", "Minutes"],
    ),
    ...section(
      "3. Overdue cases",
      "No case is past its deadline.",
      pack.overdue,
      (p) => [p.reference, p.stage, who(p.handlerId), day(p.dueDate)],
      ["Reference", "Stage", "Handler", "Was due"],
    ),
    ...section(
      "4. Appeals",
      "No appeals since the last meeting.",
      pack.appeals,
      (p) => [
        p.reference,
        day(p.appeal?.receivedOn),
        p.appeal?.decision ? (RESULT[p.appeal.decision] ?? "") : "Awaiting decision",
      ],
      ["Reference", "Appeal received", "Decision"],
    ),
    ...section(
      "5. Awaiting discussion before they can close",
      "Every case with an outcome has been discussed.",
      pack.awaitingDiscussion,
      (p) => [p.reference, p.category ?? "—", day(p.outcome?.sentOn)],
      ["Reference", "Category", "Outcome sent"],
    ),
    { kind: "heading", text: "6. Open improvement actions" },
    options.improvementActions.length === 0
      ? { kind: "paragraph", text: "No improvement actions are open." }
      : {
          kind: "table",
          caption: "Open improvement actions",
          columns: ["Action", "Owner", "Due", ""],
          rows: options.improvementActions.map((a) => [
            a.description,
            a.ownerName,
            day(a.dueDate),
            a.overdue ? "Overdue" : "",
          ]),
        },
  ];
  return {
    title: "Operations Meeting — complaints agenda",
    baseName: `Operations Meeting ${options.meetingDate} complaints agenda`,
    blocks,
  };
}
