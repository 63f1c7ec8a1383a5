import { makeStyles, Subtitle2, Text, tokens } from "@fluentui/react-components";
import { useEffect } from "react";
import type { MailItemSummary } from "../mailbox/mailbox-adapter.js";
import { formatReceived, formatSize } from "./format.js";

const useStyles = makeStyles({
  summary: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  term: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  value: { margin: 0, overflowWrap: "anywhere" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** The glance at the email: who, when, what about, what came with it. */
export function EmailSummary({ item }: { item: MailItemSummary }) {
  const styles = useStyles();
  // A mark for the benchmark (time to a painted summary): set on the frame after the summary is in the DOM.
  useEffect(() => {
    requestAnimationFrame(() => performance.mark("redress:summary-painted"));
  }, []);
  const files = item.attachments.filter((a) => !a.isInline);
  const sender = item.from
    ? item.from.name
      ? `${item.from.name} <${item.from.address}>`
      : item.from.address
    : "Unknown sender";
  return (
    <section aria-labelledby="email-heading" data-testid="email-summary">
      <Subtitle2 as="h2" id="email-heading">
        This email
      </Subtitle2>
      <dl className={styles.summary}>
        <dt className={styles.term}>From</dt>
        <dd className={styles.value}>
          <Text>{sender}</Text>
        </dd>
        <dt className={styles.term}>Received</dt>
        <dd className={styles.value}>
          <Text>{formatReceived(item.receivedAt)}</Text>
        </dd>
        <dt className={styles.term}>Subject</dt>
        <dd className={styles.value}>
          <Text weight="semibold">{item.subject || "(no subject)"}</Text>
        </dd>
        <dt className={styles.term}>Attachments</dt>
        <dd className={styles.value}>
          {files.length === 0 ? (
            <Text>None</Text>
          ) : (
            <ul className={styles.list}>
              {files.map((a) => (
                <li key={a.id}>
                  <Text>
                    {a.name} ({formatSize(a.size)})
                  </Text>
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
    </section>
  );
}
