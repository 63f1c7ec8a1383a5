import {
  Badge,
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  Spinner,
  Text,
  Title2,
  tokens,
} from "@fluentui/react-components";
import { ArrowLeft20Regular } from "@fluentui/react-icons";
import { type ReactNode, useCallback, useEffect, useState } from "react";
import type { CaseDetailView, CaseStatusView } from "../../contracts/views.js";
import type { CaseAction } from "../../server/domain/procedure/transition.js";
import { ApiError } from "../../web/api/client.js";
import { CaseAudit } from "../audit/CaseAudit.js";
import { DueBadge } from "../board/DueBadge.js";
import {
  AppealDecisionDialog,
  AppealDialog,
  BoardInformedDialog,
  CloseDialog,
  MeetingDialog,
  SignpostDialog,
  WithdrawDialog,
} from "../dialogs/ClosingDialogs.js";
import type { StepProps } from "../dialogs/common.js";
import {
  AcknowledgeDialog,
  AddActionDialog,
  CompleteActionDialog,
  DirectorConsultedDialog,
  OutcomeDialog,
  UploadDialog,
} from "../dialogs/HandlingDialogs.js";
import { RedirectDialog, TriageDialog } from "../dialogs/TriageDialogs.js";
import { GUARD_WORDS, ROLE_WORDS, STAGE_LABELS, ukDate, ukDateTime } from "../format.js";
import { usePersonName, useSession } from "../shell/session.js";
import { ActionsTable, ComplaintFacts, Decisions, DocumentsList, Facts, Section, Timeline } from "./CaseSections.js";
import { EmailFrame } from "./EmailFrame.js";
import { StageStepper } from "./StageStepper.js";

const useStyles = makeStyles({
  page: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`,
    maxWidth: "1100px",
  },
  titleRow: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  title: { margin: 0, marginRight: tokens.spacingHorizontalS },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  columns: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 3fr) minmax(0, 2fr)",
    gap: tokens.spacingHorizontalL,
    alignItems: "start",
  },
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
});

/** Steps with a button on the page, in the order of the procedure; the first allowed one is the primary button. */
const STEP_BUTTONS: Array<{ action: CaseAction; label: string }> = [
  { action: "triage", label: "Triage" },
  { action: "acknowledge", label: "Acknowledge" },
  { action: "directors-consulted", label: "Record director's response" },
  { action: "outcome", label: "Record outcome" },
  { action: "appeal-decision", label: "Decide appeal" },
  { action: "board-informed", label: "Board informed" },
  { action: "meeting", label: "Operations Meeting" },
  { action: "close", label: "Close case" },
  { action: "appeal", label: "Record appeal" },
  { action: "add-action", label: "Add action" },
  { action: "add-document", label: "Upload evidence" },
  { action: "signpost", label: "Signpost to awarding organisation" },
  { action: "redirect", label: "Redirect" },
  { action: "withdraw", label: "Withdraw" },
];

type DialogName = CaseAction | `complete:${string}`;

export interface CasePageProps {
  caseId: string;
  onBack(): void;
  /** A step was recorded (the board reloads when shown again). */
  onChanged(): void;
}

/** One case, like a request in the Approvals app: who asked, what, what was decided, one clear next step, history. */
export function CasePage({ caseId, onBack, onChanged }: CasePageProps) {
  const styles = useStyles();
  const { api } = useSession();
  const personName = usePersonName();
  const [c, setCase] = useState<CaseDetailView | CaseStatusView | null>(null);
  const [error, setError] = useState<{ code: string; message: string } | null>(null);
  const [dialog, setDialog] = useState<DialogName | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const answer = await api.get<{ case: CaseDetailView | CaseStatusView }>(`/api/cases/${caseId}`);
      setCase(answer.case);
      setError(null);
    } catch (e) {
      setError(
        e instanceof ApiError
          ? { code: e.code, message: e.userMessage }
          : { code: "INTERNAL", message: "The case could not be loaded." },
      );
    }
  }, [api, caseId]);

  // The client changes with the signed-in person: a new person loads the case afresh.
  useEffect(() => {
    setCase(null);
    void load();
  }, [load]);

  const back = (
    <Button appearance="subtle" icon={<ArrowLeft20Regular />} onClick={onBack} style={{ alignSelf: "flex-start" }}>
      Back to the board
    </Button>
  );

  if (error) {
    return (
      <main className={styles.page}>
        {back}
        <Title2 as="h1" className={styles.title}>
          Case not available
        </Title2>
        <MessageBar intent={error.code === "NOT_FOUND" ? "warning" : "error"}>
          <MessageBarBody>
            {error.code === "NOT_FOUND"
              ? "There is no such case, or it is not one you need to know about. Ask the Operations Director if you think you should see it."
              : error.message}
          </MessageBarBody>
        </MessageBar>
      </main>
    );
  }
  if (c === null) {
    return (
      <main className={styles.page} aria-busy="true">
        {back}
        <Spinner label="Loading the case…" />
      </main>
    );
  }
  if (c.view === "status") {
    return (
      <main className={styles.page}>
        {back}
        <Title2 as="h1" className={styles.title}>
          {c.reference}
        </Title2>
        <Facts
          rows={[
            ["Stage", STAGE_LABELS[c.stage]],
            ["Received", ukDateTime(c.receivedAt)],
            ["Response due", ukDate(c.responseDueDate)],
          ]}
        />
        <Text>You logged this complaint. Only the people handling it see its content.</Text>
      </main>
    );
  }

  const detail = c as CaseDetailView;
  const name = (id: string | null | undefined) => personName(id, detail.people);
  const allowed = new Set(detail.availableActions ?? []);
  const buttons = STEP_BUTTONS.filter((b) => allowed.has(b.action));
  const primary = buttons[0]?.action;
  const who = detail.nextStep.who;
  const whoWords = who === null ? "" : "personId" in who ? name(who.personId) : (ROLE_WORDS[who.role] ?? who.role);
  const closeBlocked = allowed.has("close") && detail.closeGuardsUnmet.length > 0;

  const done = (message: string) => () => {
    setDialog(null);
    setNotice(message);
    onChanged();
    void load();
  };
  const stepProps = (action: DialogName, message: string): StepProps => ({
    c: detail,
    open: dialog === action,
    onClose: () => setDialog(null),
    onDone: done(message),
  });

  const deadlines: Array<[string, ReactNode] | null | false> = [
    ["Acknowledge by", ukDate(detail.acknowledgeDueDate)],
    ["Respond by", ukDate(detail.responseDueDate)],
    detail.outcome !== null && ["Appeal by", ukDate(detail.outcome.appealDeadline)],
    detail.appeal !== null && ["Appeal decision by", ukDate(detail.appeal.responseDueDate)],
    ["Policy version", String(detail.policyVersion)],
  ];

  return (
    <main className={styles.page}>
      {back}
      <div className={styles.titleRow}>
        <Title2 as="h1" className={styles.title}>
          {detail.reference}: {detail.subject}
        </Title2>
        <Badge appearance="tint" color="brand" data-testid="stage-badge">
          {STAGE_LABELS[detail.stage]}
        </Badge>
        {detail.triage?.serious && (
          <Badge appearance="filled" color="danger">
            Serious
          </Badge>
        )}
        {detail.triage && <Badge appearance="outline">{detail.triage.category}</Badge>}
        <DueBadge workingDaysLeft={detail.workingDaysLeft} overdue={detail.overdue} dueDate={detail.currentDueDate} />
      </div>
      <StageStepper c={detail} />
      <MessageBar intent="info" layout="multiline" data-testid="next-step">
        <MessageBarBody>
          <MessageBarTitle>What happens next</MessageBarTitle>
          {detail.nextStep.what}
          {whoWords ? ` Who: ${whoWords}.` : ""}
        </MessageBarBody>
      </MessageBar>
      {notice && (
        <MessageBar intent="success">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {buttons.length > 0 ? (
        <div className={styles.actions} role="toolbar" aria-label="Steps you can take">
          {buttons.map((b) => (
            <Button
              key={b.action}
              appearance={b.action === primary ? "primary" : "secondary"}
              disabled={b.action === "close" && closeBlocked}
              onClick={() => setDialog(b.action)}
            >
              {b.label}
            </Button>
          ))}
        </div>
      ) : (
        <Text>There is nothing for you to do on this case now.</Text>
      )}
      {closeBlocked && (
        <MessageBar intent="warning" layout="multiline" data-testid="close-guards">
          <MessageBarBody>
            <MessageBarTitle>The case cannot close yet</MessageBarTitle>
            <ul style={{ margin: "4px 0 0", paddingLeft: 20 }}>
              {detail.closeGuardsUnmet.map((g) => (
                <li key={g}>{GUARD_WORDS[g] ?? g}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {detail.flags.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            Look at this case:{" "}
            {detail.flags
              .map((f) => (f === "differs-from-first-copy" ? "the same email arrived again with different content" : f))
              .join("; ")}
            .
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.columns}>
        <div className={styles.stack}>
          <Section title="The complaint" id="complaint">
            <ComplaintFacts c={detail} name={name} />
            {detail.channel === "email" && <EmailFrame caseId={detail.id} />}
          </Section>
          <Section title="Decisions" id="decisions">
            <Decisions c={detail} name={name} />
          </Section>
          <Section title="Actions and timescales" id="actions">
            <ActionsTable
              c={detail}
              name={name}
              canComplete={allowed.has("complete-action")}
              onComplete={(id) => setDialog(`complete:${id}`)}
            />
          </Section>
          <Section title="Documents" id="documents">
            <DocumentsList c={detail} />
          </Section>
        </div>
        <div className={styles.stack}>
          <Section title="Deadlines" id="deadlines">
            <Facts rows={deadlines} />
          </Section>
          <Section title="History" id="history">
            <Timeline c={detail} name={name} />
          </Section>
          <CaseAudit caseId={detail.id} />
        </div>
      </div>

      {allowed.has("triage") && (
        <TriageDialog {...stepProps("triage", "Triage recorded: the handler acknowledges next.")} />
      )}
      {allowed.has("redirect") && <RedirectDialog {...stepProps("redirect", "Redirected and closed.")} />}
      {allowed.has("acknowledge") && (
        <AcknowledgeDialog {...stepProps("acknowledge", "Acknowledgement sent and kept on the case.")} />
      )}
      {allowed.has("add-action") && <AddActionDialog {...stepProps("add-action", "Action added.")} />}
      {allowed.has("add-document") && <UploadDialog {...stepProps("add-document", "Document uploaded.")} />}
      {allowed.has("directors-consulted") && (
        <DirectorConsultedDialog {...stepProps("directors-consulted", "Director's response recorded.")} />
      )}
      {allowed.has("outcome") && (
        <OutcomeDialog {...stepProps("outcome", "Outcome letter sent and kept on the case.")} />
      )}
      {allowed.has("board-informed") && (
        <BoardInformedDialog {...stepProps("board-informed", "Recorded that the Board was informed.")} />
      )}
      {allowed.has("meeting") && <MeetingDialog {...stepProps("meeting", "Operations Meeting discussion recorded.")} />}
      {allowed.has("appeal") && <AppealDialog {...stepProps("appeal", "Appeal recorded and assigned.")} />}
      {allowed.has("appeal-decision") && (
        <AppealDecisionDialog {...stepProps("appeal-decision", "Appeal decision sent and kept on the case.")} />
      )}
      {allowed.has("signpost") && <SignpostDialog {...stepProps("signpost", "Signpost recorded.")} />}
      {allowed.has("withdraw") && <WithdrawDialog {...stepProps("withdraw", "Withdrawn and closed.")} />}
      {allowed.has("close") && <CloseDialog {...stepProps("close", "Case closed.")} />}
      {typeof dialog === "string" && dialog.startsWith("complete:") && (
        <CompleteActionDialog
          {...stepProps(dialog, "Action marked done.")}
          actionId={dialog.slice("complete:".length)}
        />
      )}
    </main>
  );
}
