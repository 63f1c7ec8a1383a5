import {
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  ProgressBar,
  Spinner,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import type {
  MailboxAdapter,
  MailboxCapabilities,
  MailboxOwnership,
  MailItemSummary,
  TagResult,
} from "../mailbox/mailbox-adapter.js";
import { CaseStatus } from "./CaseStatus.js";
import { ComplaintHint } from "./ComplaintHint.js";
import type { Failure } from "./failures.js";
import { LogForm } from "./LogForm.js";
import type { LookupResult } from "./pane-api.js";
import type { ActionState, ActionStep, TaskPaneModel } from "./use-task-pane.js";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  text: { margin: 0 },
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
});

const STEP_TEXT: Record<ActionStep, string> = {
  reading: "Reading the whole email from Outlook…",
  sending: "Sending it to Redress…",
  tagging: "Tagging the email in Outlook…",
};
const STEP_VALUE: Record<ActionStep, number> = { reading: 0.2, sending: 0.55, tagging: 0.9 };

function ErrorBar({ failure, onRetry }: { failure: Failure; onRetry?: () => void }) {
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{failure.title}</MessageBarTitle>
        {failure.message}
      </MessageBarBody>
      {failure.canRetry && onRetry ? (
        <MessageBarActions>
          <Button onClick={onRetry}>Try again</Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}

function TagNote({ tag }: { tag: TagResult | null }) {
  const styles = useStyles();
  if (!tag) return null;
  if (tag.status === "tagged") {
    return (
      <Caption1 as="p" className={styles.muted}>
        Tagged in Outlook: {tag.categories.join(", ")}.
      </Caption1>
    );
  }
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        {tag.status === "not-permitted"
          ? "Outlook did not let Redress add the Complaint category to this email (a delegate in a shared mailbox may not have permission). The complaint is logged all the same."
          : "This version of Outlook cannot add categories. The complaint is logged all the same."}
      </MessageBarBody>
    </MessageBar>
  );
}

function SharedMailboxNote({
  ownership,
  capabilities,
}: {
  ownership: MailboxOwnership | null;
  capabilities: MailboxCapabilities;
}) {
  if (ownership?.kind === "shared" && !ownership.mayWrite) {
    return (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          This email is in {ownership.owner}'s mailbox, where you can read but not change items. You can log it; Redress
          may not be able to tag it.
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (ownership?.kind === "unknown" && !capabilities.sharedMailboxes) {
    return (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          If this email is in a shared mailbox (such as info@), this version of Outlook may not let Redress read all of
          it. If logging fails, open the email in Outlook on the web or the new Outlook.
        </MessageBarBody>
      </MessageBar>
    );
  }
  return null;
}

function Progress({ action }: { action: Extract<ActionState, { status: "working" }> }) {
  return (
    <div aria-live="polite">
      <Spinner size="tiny" label={STEP_TEXT[action.step]} />
      <ProgressBar value={STEP_VALUE[action.step]} aria-label="Progress" />
    </div>
  );
}

function Done({ action, teamsAppId }: { action: Extract<ActionState, { status: "done" }>; teamsAppId: string | null }) {
  const styles = useStyles();
  const title =
    action.kind === "add"
      ? action.isNew
        ? `Added to ${action.case.reference}`
        : `Already part of ${action.case.reference}`
      : action.isNew
        ? `Logged as ${action.case.reference}`
        : `Already logged as ${action.case.reference}`;
  return (
    <section className={styles.section} aria-live="polite" data-testid="result">
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{title}</MessageBarTitle>
          {action.kind === "log" && action.isNew
            ? "The Operations Director will decide who handles it. The complainant must hear back by the date below."
            : "The email is kept with the case."}
        </MessageBarBody>
      </MessageBar>
      <CaseStatus value={action.case} teamsAppId={teamsAppId} />
      <TagNote tag={action.tag} />
    </section>
  );
}

function Related({
  result,
  busy,
  onAdd,
  teamsAppId,
}: {
  result: LookupResult;
  busy: boolean;
  onAdd(caseId: string): void;
  teamsAppId: string | null;
}) {
  const styles = useStyles();
  const related = [
    ...result.conversation.map((c) => ({
      c,
      why: `An earlier email in this conversation is logged as ${c.reference}.`,
    })),
    ...result.complainant.map((c) => ({ c, why: `This sender has an open complaint, ${c.reference}.` })),
  ];
  if (related.length === 0) return null;
  return (
    <section className={styles.section} aria-labelledby="related-heading">
      <Subtitle2 as="h2" id="related-heading" className={styles.text}>
        Part of an existing complaint?
      </Subtitle2>
      {related.map(({ c, why }) => (
        <div key={c.id} className={styles.section}>
          <Body1 as="p" className={styles.text}>
            {why}
          </Body1>
          <CaseStatus value={c} teamsAppId={teamsAppId} />
          <Button onClick={() => onAdd(c.id)} disabled={busy}>
            Add to {c.reference}
          </Button>
        </div>
      ))}
      <Caption1 as="p" className={styles.muted}>
        If this is a new complaint, log it below instead.
      </Caption1>
    </section>
  );
}

export interface PaneActionsProps {
  model: TaskPaneModel;
  item: MailItemSummary;
  mailbox: MailboxAdapter;
  teamsAppId: string | null;
}

/**
 * Everything below the email summary: the hint, the lookup's answer, Log complaint / Add to case, progress, the
 * result and errors. Loaded just after first paint (its own chunk): the glance at the email does not wait for it.
 */
export default function PaneActions({ model, mailbox, teamsAppId }: PaneActionsProps) {
  const styles = useStyles();
  const { lookup, action } = model;
  const busy = action.status === "working";
  return (
    <>
      <SharedMailboxNote ownership={model.ownership} capabilities={mailbox.capabilities()} />
      {model.hint ? <ComplaintHint hint={model.hint} /> : null}
      {action.status === "working" ? <Progress action={action} /> : null}
      {action.status === "failed" ? <ErrorBar failure={action.failure} onRetry={model.retry} /> : null}
      {action.status === "done" ? <Done action={action} teamsAppId={teamsAppId} /> : null}
      {action.status !== "done" && lookup.status === "checking" ? (
        <Spinner size="tiny" label="Checking whether it is already logged…" />
      ) : null}
      {action.status !== "done" && lookup.status === "failed" ? (
        <ErrorBar failure={lookup.failure} onRetry={model.recheck} />
      ) : null}
      {action.status !== "done" && lookup.status === "done" && lookup.result.logged ? (
        <section className={styles.section} data-testid="result">
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Already logged as {lookup.result.logged.reference}</MessageBarTitle>
              No need to log it again.
            </MessageBarBody>
          </MessageBar>
          <CaseStatus value={lookup.result.logged} teamsAppId={teamsAppId} />
        </section>
      ) : null}
      {action.status !== "done" && lookup.status === "done" && !lookup.result.logged ? (
        <>
          <Related result={lookup.result} busy={busy} onAdd={model.addToCase} teamsAppId={teamsAppId} />
          <LogForm suggestedCategory={model.hint?.suggestedCategory ?? null} busy={busy} onLog={model.logComplaint} />
        </>
      ) : null}
    </>
  );
}

/** For the failure the pane shows before its actions chunk has loaded (reading the item). */
export { ErrorBar };
