import { Body1, Link, makeStyles, Text, tokens } from "@fluentui/react-components";
import type { CaseView } from "../../contracts/views.js";
import { caseLink } from "../../web/case-link.js";
import { formatDueDate, stageLabel } from "./format.js";

const useStyles = makeStyles({
  facts: { display: "grid", gap: tokens.spacingVerticalXS, margin: 0 },
  line: { margin: 0 },
});

/** Reference, stage and due date: all that anyone who can open the email may know of a case (DESIGN.md §1). */
export function CaseStatus({ value, teamsAppId }: { value: CaseView; teamsAppId: string | null }) {
  const styles = useStyles();
  const due = value.currentDueDate ?? value.responseDueDate;
  return (
    <div className={styles.facts}>
      <Body1 as="p" className={styles.line}>
        Stage: {stageLabel(value.stage)}
      </Body1>
      <Body1 as="p" className={styles.line}>
        {value.stage === "received" ? "Response due by" : "Next deadline"}:{" "}
        <Text weight="semibold">{formatDueDate(due)}</Text>
        {value.overdue ? " (overdue)" : ""}
      </Body1>
      <Link href={caseLink({ caseId: value.id, teamsAppId })} target="_blank" rel="noopener">
        {teamsAppId ? `Open ${value.reference} in Teams` : `Open ${value.reference} on the case board`}
      </Link>
    </div>
  );
}
