/**
 * The pane's actions (log, add to case, the result, errors) are a chunk of their own, fetched once the email's
 * summary has painted. They are loaded here rather than through React.lazy: a Suspense boundary that has shown its
 * fallback holds back what replaces it until 300 ms have passed (React's throttle for retries), which put that
 * long between the summary and the "Log complaint" button even when the chunk and the lookup were already there.
 */
import { useEffect, useState } from "react";

type PaneActionsModule = typeof import("./PaneActions.js");

export type PaneActionsState =
  | { status: "waiting" }
  | { status: "loaded"; module: PaneActionsModule }
  /** The chunk could not be fetched (the server went away, or a new build replaced it while the pane was open). */
  | { status: "failed" };

/** Starts fetching the actions' chunk once `wanted` is true; the state says when they can be rendered. */
export function usePaneActions(wanted: boolean): PaneActionsState {
  const [state, setState] = useState<PaneActionsState>({ status: "waiting" });
  const settled = state.status !== "waiting";
  useEffect(() => {
    if (!wanted || settled) return;
    let live = true;
    import("./PaneActions.js").then(
      (module) => live && setState({ status: "loaded", module }),
      () => live && setState({ status: "failed" }),
    );
    return () => {
      live = false;
    };
  }, [wanted, settled]);
  return state;
}
