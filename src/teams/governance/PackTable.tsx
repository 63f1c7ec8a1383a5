import {
  Button,
  Link,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Title3,
} from "@fluentui/react-components";
import type { PackCase } from "../../server/domain/governance/meeting-pack.js";
import { RESULT_LABELS, STAGE_LABELS, ukDate } from "../format.js";

/** One section of the meeting pack: the cases, each opening its page; "Record notes" on a recorded meeting. */
export function PackTable(props: {
  id: string;
  title: string;
  empty: string;
  cases: readonly PackCase[];
  names: Record<string, { name: string }>;
  onOpen(caseId: string): void;
  onNotes?: (c: PackCase) => void;
}) {
  const { cases, names } = props;
  return (
    <section aria-labelledby={props.id}>
      <Title3 as="h2" id={props.id}>
        {props.title} ({cases.length})
      </Title3>
      {cases.length === 0 ? (
        <p>{props.empty}</p>
      ) : (
        <Table size="small" aria-labelledby={props.id}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Reference</TableHeaderCell>
              <TableHeaderCell>Category</TableHeaderCell>
              <TableHeaderCell>Stage</TableHeaderCell>
              <TableHeaderCell>Handler</TableHeaderCell>
              <TableHeaderCell>Outcome</TableHeaderCell>
              <TableHeaderCell>Discussion</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {cases.map((c) => (
              <TableRow key={c.id}>
                <TableCell>
                  <Link onClick={() => props.onOpen(c.id)}>{c.reference}</Link>
                  {c.serious ? " (serious)" : ""}
                </TableCell>
                <TableCell>{c.category ?? "—"}</TableCell>
                <TableCell>
                  {STAGE_LABELS[c.stage]}
                  {c.dueDate ? `, due ${ukDate(c.dueDate)}` : ""}
                </TableCell>
                <TableCell>{c.handlerId ? (names[c.handlerId]?.name ?? c.handlerId) : "—"}</TableCell>
                <TableCell>
                  {c.outcome ? `${RESULT_LABELS[c.outcome.result]}, ${ukDate(c.outcome.sentOn)}` : "—"}
                  {c.appeal
                    ? `; appeal ${c.appeal.decision ? RESULT_LABELS[c.appeal.decision].toLowerCase() : "awaiting decision"}`
                    : ""}
                </TableCell>
                <TableCell>
                  {c.discussion ? <div>{c.discussion.notes}</div> : null}
                  {props.onNotes && c.stage !== "closed" && (
                    <Button
                      size="small"
                      aria-label={`Record notes on ${c.reference}`}
                      onClick={() => props.onNotes?.(c)}
                    >
                      {c.discussion ? "Edit notes" : "Record notes"}
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
