import { Body1, makeStyles, Spinner, Text, Title2, tokens } from "@fluentui/react-components";
import { lazy, Suspense, useEffect, useState } from "react";
import type { ApiClient } from "../../web/api/client.js";
import type { MailboxAdapter } from "../mailbox/mailbox-adapter.js";
import { EmailSummary } from "./EmailSummary.js";
import { afterPaint, useTaskPane } from "./use-task-pane.js";

// Not needed to see the email: fetched while the summary paints.
const PaneActions = lazy(() => import("./PaneActions.js"));
const ErrorBar = lazy(() => import("./PaneActions.js").then((m) => ({ default: m.ErrorBar })));

const useStyles = makeStyles({
  main: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    maxWidth: "32rem",
  },
  text: { margin: 0 },
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
});

export interface TaskPaneProps {
  mailbox: MailboxAdapter;
  api: ApiClient;
  /** The Teams app id, for links that open the case in the Teams tab; null opens the tab in a browser. */
  teamsAppId: string | null;
}

/** The task pane: a glance at the email, one primary button, the result (DESIGN.md "What it should feel like"). */
export function TaskPane({ mailbox, api, teamsAppId }: TaskPaneProps) {
  const styles = useStyles();
  const model = useTaskPane(mailbox, api);
  const { item } = model;
  // The actions are fetched once the email summary has painted: early enough that they are rarely waited for, late
  // enough not to compete with that first paint.
  const ready = item.status === "ready";
  const [summaryPainted, setSummaryPainted] = useState(false);
  useEffect(() => {
    if (!ready) return;
    let live = true;
    void afterPaint().then(() => live && setSummaryPainted(true));
    return () => {
      live = false;
    };
  }, [ready]);
  return (
    <main className={styles.main}>
      <Title2 as="h1" className={styles.text}>
        Log as complaint
      </Title2>
      {item.status === "reading" ? <Spinner size="small" label="Reading the email…" /> : null}
      {item.status === "none" ? (
        <Body1 as="p" className={styles.text}>
          Open an email in Outlook to log it as a complaint.
        </Body1>
      ) : null}
      {item.status === "failed" ? (
        <Suspense fallback={null}>
          <ErrorBar failure={item.failure} onRetry={model.recheck} />
        </Suspense>
      ) : null}
      {item.status === "ready" ? (
        <>
          <EmailSummary item={item.item} />
          <Suspense fallback={<Spinner size="tiny" label="Checking whether it is already logged…" />}>
            {summaryPainted ? (
              <PaneActions model={model} item={item.item} mailbox={mailbox} teamsAppId={teamsAppId} />
            ) : (
              <Spinner size="tiny" label="Checking whether it is already logged…" />
            )}
          </Suspense>
        </>
      ) : null}
      <Text as="p" size={200} className={styles.muted}>
        {mailbox.hostLabel}
      </Text>
    </main>
  );
}
