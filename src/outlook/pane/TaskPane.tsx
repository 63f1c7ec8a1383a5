import { Body1, makeStyles, Spinner, Text, Title2, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { ApiClient } from "../../web/api/client.js";
import type { MailboxAdapter } from "../mailbox/mailbox-adapter.js";
import { EmailSummary } from "./EmailSummary.js";
import { usePaneActions } from "./use-pane-actions.js";
import { afterPaint, useTaskPane } from "./use-task-pane.js";

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
  // The actions are fetched once the email summary has painted (at once when there is an error to show): early enough
  // that they are rarely waited for, late enough not to compete with that first paint.
  const actions = usePaneActions(summaryPainted || item.status === "failed");
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
      {item.status === "failed" && actions.status === "loaded" ? (
        <actions.module.ErrorBar failure={item.failure} onRetry={model.recheck} />
      ) : item.status === "failed" && actions.status === "failed" ? (
        <Body1 as="p" role="alert" className={styles.text}>
          {item.failure.title}. {item.failure.message}
        </Body1>
      ) : null}
      {item.status === "ready" ? (
        <>
          <EmailSummary item={item.item} />
          {summaryPainted && actions.status === "loaded" ? (
            <actions.module.default model={model} item={item.item} mailbox={mailbox} teamsAppId={teamsAppId} />
          ) : actions.status === "failed" ? (
            <Body1 as="p" role="alert" className={styles.text}>
              Redress could not load the rest of the pane. Check your connection and reopen the pane.
            </Body1>
          ) : (
            <Spinner size="tiny" label="Checking whether it is already logged…" />
          )}
        </>
      ) : null}
      <Text as="p" size={200} className={styles.muted}>
        {mailbox.hostLabel}
      </Text>
    </main>
  );
}
