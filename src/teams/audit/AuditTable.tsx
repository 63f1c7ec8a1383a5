import {
  Badge,
  Link,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import type { AuditEntryView } from "../../contracts/audit.js";
import { ukDateTime } from "../format.js";
import { AUDIT_TYPE_WORDS, auditWhat } from "./audit-words.js";

const useStyles = makeStyles({
  when: { whiteSpace: "nowrap" },
  muted: { color: tokens.colorNeutralForeground2 },
});

export interface AuditTableProps {
  entries: AuditEntryView[];
  /** A caption for screen readers: what this table lists. */
  caption: string;
  /** Show the case column and open a case from it (the organisation-wide view). */
  onOpenCase?: (caseId: string) => void;
}

/** Who did what, when: newest first, one row per read, change or audit access. */
export function AuditTable({ entries, caption, onOpenCase }: AuditTableProps) {
  const styles = useStyles();
  return (
    <Table size="small" aria-label={caption}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>When</TableHeaderCell>
          <TableHeaderCell>Who</TableHeaderCell>
          <TableHeaderCell>Kind</TableHeaderCell>
          <TableHeaderCell>What</TableHeaderCell>
          {onOpenCase && <TableHeaderCell>Case</TableHeaderCell>}
        </TableRow>
      </TableHeader>
      <TableBody>
        {entries.map((e) => (
          <TableRow key={`${e.type}-${e.id}`}>
            <TableCell className={styles.when}>{ukDateTime(e.at)}</TableCell>
            <TableCell>{e.actorName ?? e.actorId}</TableCell>
            <TableCell>
              <Badge
                appearance="tint"
                color={e.type === "change" ? "brand" : e.type === "read" ? "informative" : "warning"}
              >
                {AUDIT_TYPE_WORDS[e.type]}
              </Badge>
            </TableCell>
            <TableCell>{auditWhat(e)}</TableCell>
            {onOpenCase && (
              <TableCell>
                {e.caseId && e.reference ? (
                  <Link onClick={() => onOpenCase(e.caseId as string)}>{e.reference}</Link>
                ) : (
                  <span className={styles.muted}>—</span>
                )}
              </TableCell>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
