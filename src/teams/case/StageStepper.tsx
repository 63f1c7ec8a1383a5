import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { Checkmark12Filled } from "@fluentui/react-icons";
import type { CaseFullView } from "../../contracts/views.js";
import { STAGE_LABELS } from "../format.js";

const useStyles = makeStyles({
  list: { display: "flex", flexWrap: "wrap", gap: "4px", listStyle: "none", margin: 0, padding: 0 },
  step: {
    display: "flex",
    alignItems: "center",
    gap: "6px",
    padding: "4px 10px",
    borderRadius: tokens.borderRadiusCircular,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    color: tokens.colorNeutralForeground2,
  },
  done: { color: tokens.colorNeutralForeground1, backgroundColor: tokens.colorNeutralBackground3 },
  current: {
    color: tokens.colorNeutralForegroundOnBrand,
    backgroundColor: tokens.colorBrandBackground,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke1}`,
    fontWeight: tokens.fontWeightSemibold,
  },
});

/** The procedure's stages, this case's place among them. Appeal stages show only when there was an appeal. */
export function StageStepper({ c }: { c: CaseFullView }) {
  const styles = useStyles();
  const redirectedOrWithdrawn = c.closure && c.closure.kind !== "resolved";
  const stages: Array<CaseFullView["stage"]> = redirectedOrWithdrawn
    ? ["received", "closed"]
    : c.appeal
      ? ["received", "triaged", "investigating", "outcome-sent", "appeal", "appeal-decided", "closed"]
      : ["received", "triaged", "investigating", "outcome-sent", "closed"];
  const currentIndex = stages.indexOf(c.stage);
  return (
    <ol className={styles.list} aria-label="Stages">
      {stages.map((stage, index) => {
        const state = index < currentIndex ? "done" : index === currentIndex ? "current" : "todo";
        return (
          <li
            key={stage}
            className={mergeClasses(
              styles.step,
              state === "done" && styles.done,
              state === "current" && styles.current,
            )}
            aria-current={state === "current" ? "step" : undefined}
          >
            {state === "done" && <Checkmark12Filled aria-hidden="true" />}
            {STAGE_LABELS[stage]}
            {state === "done" && (
              <span style={{ position: "absolute", width: 1, height: 1, overflow: "hidden", clip: "rect(0 0 0 0)" }}>
                {" "}
                (done)
              </span>
            )}
          </li>
        );
      })}
    </ol>
  );
}
