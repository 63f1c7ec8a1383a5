import {
  Button,
  Caption1,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from "@fluentui/react-components";
import { ArrowDownload16Regular } from "@fluentui/react-icons";
import type { ReactNode } from "react";
import type { CaseDetailView, DocumentView } from "../../contracts/views.js";
import { type Learning, ROOT_CAUSE_LABELS } from "../../server/domain/learning.js";
import { RELATIONSHIP_LABELS, RESULT_LABELS, ukDate, ukDateTime } from "../format.js";
import { useSession } from "../shell/session.js";

export const useSectionStyles = makeStyles({
  section: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  facts: {
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    columnGap: tokens.spacingHorizontalL,
    rowGap: "4px",
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, whiteSpace: "pre-wrap" },
  muted: { color: tokens.colorNeutralForeground2, margin: 0 },
  timeline: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "8px" },
});

export function Section({ title, children, id }: { title: string; children: ReactNode; id: string }) {
  const styles = useSectionStyles();
  return (
    <section className={styles.section} aria-labelledby={id}>
      <h2 id={id} className={styles.heading}>
        {title}
      </h2>
      {children}
    </section>
  );
}

export function Facts({ rows }: { rows: Array<[string, ReactNode] | null | false> }) {
  const styles = useSectionStyles();
  return (
    <dl className={styles.facts}>
      {rows
        .filter((r): r is [string, ReactNode] => Array.isArray(r))
        .map(([term, value]) => (
          <div key={term} style={{ display: "contents" }}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.value}>{value}</dd>
          </div>
        ))}
    </dl>
  );
}

/** Who asked and what is asked (the Approvals app's request header). */
export function ComplaintFacts({ c, name }: { c: CaseDetailView; name(id: string | null | undefined): string }) {
  return (
    <Facts
      rows={[
        ["Complainant", c.complainant.name ?? "Not named"],
        c.complainant.email !== null && ["Email", c.complainant.email],
        ["Relationship", RELATIONSHIP_LABELS[c.complainant.relationship]],
        [
          "Received",
          `${ukDateTime(c.receivedAt)} by ${c.channel === "post" ? "post" : c.channel === "web" ? "the web form" : "email"}`,
        ],
        ["Logged by", name(c.loggedBy)],
        c.summary !== null && ["Summary", c.summary],
      ]}
    />
  );
}

/** What was decided, by whom and when. */
export function Decisions({ c, name }: { c: CaseDetailView; name(id: string | null | undefined): string }) {
  const styles = useSectionStyles();
  const t = c.triage;
  const rows: Array<[string, ReactNode] | null | false> = [
    t !== null && [
      "Triage",
      `${t.category}${t.serious ? " — serious" : ""}. ${t.nature} (${name(t.by)}, ${ukDateTime(t.at)})`,
    ],
    t !== null && ["Handler", name(t.handlerId)],
    t?.awardingOrganisation ? ["Awarding organisation", t.awardingOrganisation] : null,
    c.acknowledgement !== null && [
      "Acknowledged",
      `${ukDateTime(c.acknowledgement.sentAt)} by ${c.acknowledgement.method} (${name(c.acknowledgement.by)})`,
    ],
    ...c.consultations.map((r): [string, ReactNode] => [
      `Director: ${name(r.directorId)}`,
      `${r.response} (${ukDateTime(r.at)})`,
    ]),
    c.outcome !== null && [
      "Outcome",
      `${RESULT_LABELS[c.outcome.result]}, sent ${ukDateTime(c.outcome.sentAt)} by ${c.outcome.method}. ${c.outcome.reasons}${c.outcome.remedy ? ` Remedy: ${c.outcome.remedy}` : ""}`,
    ],
    c.outcome?.learning != null && ["Root cause and lessons", learningWords(c.outcome.learning)],
    c.outcome !== null && ["Appeal deadline", ukDate(c.outcome.appealDeadline)],
    c.appeal !== null && [
      "Appeal",
      `Received ${ukDateTime(c.appeal.receivedAt)}${c.appeal.inTime ? ", in time" : `, late — accepted because: ${c.appeal.lateReason}`}. ${c.appeal.grounds} Decided by ${name(c.appeal.boardMemberId)}.`,
    ],
    c.appealDecision !== null && [
      "Appeal decision",
      `${RESULT_LABELS[c.appealDecision.result]} (${name(c.appealDecision.by)}, ${ukDateTime(c.appealDecision.sentAt)}). ${c.appealDecision.reasons}`,
    ],
    ...c.boardInformed.map((b): [string, ReactNode] => [
      "Board informed",
      `Of the ${b.of === "outcome" ? "outcome" : "appeal decision"} on ${ukDate(b.on)}${b.note ? `: ${b.note}` : ""}`,
    ]),
    ...c.meetings.map((m): [string, ReactNode] => [
      "Operations Meeting",
      `Discussed at the Operations Meeting on ${ukDate(m.meetingDate)}: ${m.notes}${m.minutesDocumentId ? " (minutes attached)" : ""}`,
    ]),
    ...c.signposts.map((s): [string, ReactNode] => [
      "Signposted",
      `${s.awardingOrganisation}${s.contact ? ` (${s.contact})` : ""}`,
    ]),
    c.closure !== null && [
      "Closed",
      `${ukDateTime(c.closure.at)} — ${c.closure.kind === "redirected" ? (c.closure.redirectedAs === "staff-grievance" ? "redirected as a staff grievance" : "redirected: not a complaint") : c.closure.kind}${c.closure.reason ? `: ${c.closure.reason}` : ""}`,
    ],
  ];
  if (!rows.some(Boolean)) return <p className={styles.muted}>Nothing decided yet.</p>;
  return <Facts rows={rows} />;
}

const learningWords = (l: Learning): string =>
  `${ROOT_CAUSE_LABELS[l.rootCause]}${l.rootCauseNote ? ` (${l.rootCauseNote})` : ""}. Lessons learned: ${l.lessonsLearned}`;

export function ActionsTable({
  c,
  name,
  onComplete,
  canComplete,
}: {
  c: CaseDetailView;
  name(id: string | null | undefined): string;
  onComplete(actionId: string): void;
  canComplete: boolean;
}) {
  const styles = useSectionStyles();
  if (c.actions.length === 0) return <p className={styles.muted}>No actions agreed yet.</p>;
  return (
    <Table size="small" aria-label="Agreed actions">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Action</TableHeaderCell>
          <TableHeaderCell>Owner</TableHeaderCell>
          <TableHeaderCell>Due</TableHeaderCell>
          <TableHeaderCell>Done</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {c.actions.map((a) => (
          <TableRow key={a.id}>
            <TableCell>{a.description}</TableCell>
            <TableCell>{name(a.ownerId)}</TableCell>
            <TableCell>{ukDate(a.dueDate)}</TableCell>
            <TableCell>
              {a.completedAt ? (
                `Done ${ukDate(a.completedAt.slice(0, 10))}`
              ) : canComplete ? (
                <Button size="small" onClick={() => onComplete(a.id)}>
                  Mark done
                </Button>
              ) : (
                "Open"
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

const KIND_LABELS: Record<DocumentView["kind"], string> = {
  email: "Email",
  attachment: "Attachment",
  letter: "Letter",
  evidence: "Evidence",
  minutes: "Minutes",
  other: "Other",
};

function sizeWords(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function DocumentsList({ c }: { c: CaseDetailView }) {
  const styles = useSectionStyles();
  const { api } = useSession();
  if (c.documents.length === 0) return <p className={styles.muted}>No documents yet.</p>;
  const download = async (doc: DocumentView) => {
    const response = await api.fetchRaw(doc.url);
    const url = URL.createObjectURL(await response.blob());
    const anchor = document.createElement("a");
    anchor.href = url;
    anchor.download = doc.name;
    anchor.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <Table size="small" aria-label="Documents">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Name</TableHeaderCell>
          <TableHeaderCell>Kind</TableHeaderCell>
          <TableHeaderCell>Added</TableHeaderCell>
          <TableHeaderCell>
            <span style={{ position: "absolute", width: 1, height: 1, overflow: "hidden", clip: "rect(0 0 0 0)" }}>
              Download
            </span>
          </TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {c.documents.map((d) => (
          <TableRow key={d.id} data-document-kind={d.kind}>
            <TableCell>
              <Text>{d.name}</Text> <Caption1 className={styles.muted}>{sizeWords(d.size)}</Caption1>
            </TableCell>
            <TableCell>{KIND_LABELS[d.kind]}</TableCell>
            <TableCell>{ukDateTime(d.addedAt)}</TableCell>
            <TableCell>
              <Button
                size="small"
                appearance="subtle"
                icon={<ArrowDownload16Regular />}
                aria-label={`Download ${d.name}`}
                onClick={() => void download(d)}
              />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export function Timeline({ c, name }: { c: CaseDetailView; name(id: string | null | undefined): string }) {
  const styles = useSectionStyles();
  return (
    <ol className={styles.timeline} aria-label="History, newest first">
      {[...c.timeline].reverse().map((t) => (
        <li key={t.id}>
          <Text weight="semibold">{t.summary}</Text>
          <br />
          <Caption1 className={styles.muted}>
            {name(t.actorId)}, {ukDateTime(t.at)}
          </Caption1>
        </li>
      ))}
    </ol>
  );
}
