import { Caption1, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import type { Hint } from "./use-task-pane.js";

const useStyles = makeStyles({
  phrases: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
});

/**
 * "This reads like a complaint", and why: the phrases that triggered it. The policy counts any expression of
 * dissatisfaction, justified or not, so the hint errs towards saying so; the person decides.
 */
export function ComplaintHint({ hint }: { hint: Hint }) {
  const styles = useStyles();
  if (!hint.reading.readsLikeComplaint) {
    return (
      <Caption1 as="p" data-testid="complaint-hint">
        This email does not read like a complaint. If the sender is unhappy about anything, it still is one — log it.
      </Caption1>
    );
  }
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="complaint-hint">
      <MessageBarBody>
        <MessageBarTitle>This reads like a complaint</MessageBarTitle>
        Our policy counts any expression of dissatisfaction as a complaint. What suggests it:
        <ul className={styles.phrases}>
          {hint.reading.signals.slice(0, 5).map((s) => (
            <li key={s.ruleId}>
              {s.reason}: {s.phrases.map((p) => `“${p}”`).join(", ")}
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
