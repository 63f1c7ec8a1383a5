// The Outlook task pane ("Log as complaint"). Inside Outlook (the manifest opens /taskpane.html?host=outlook) it
// loads Office.js and works on the open email; in a plain browser it offers the development harness instead.
import { Body1, makeStyles, Spinner, Title2, tokens } from "@fluentui/react-components";
import { type ReactNode, StrictMode, Suspense } from "react";
import { createRoot } from "react-dom/client";
import { ApiClient } from "../web/api/client.js";
import { accountManagerForOutlook } from "./accounts.js";
import { loadOfficeJs } from "./office-script.js";
import { TaskPane } from "./pane/TaskPane.js";
import { PaneProvider } from "./pane-provider.js";

const useStyles = makeStyles({
  wait: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
  },
  heading: { margin: 0 },
});

/** What shows while Office.js or the harness loads: the pane's own heading, so the page never looks blank. */
function Waiting() {
  const styles = useStyles();
  return (
    <main className={styles.wait}>
      <Title2 as="h1" className={styles.heading}>
        Log as complaint
      </Title2>
      <Spinner size="small" label="Opening Redress…" />
    </main>
  );
}

/** The pane's own code could not be fetched (the server went away, or a new build replaced it mid-load). */
function LoadFailed() {
  const styles = useStyles();
  return (
    <main className={styles.wait}>
      <Title2 as="h1" className={styles.heading}>
        Log as complaint
      </Title2>
      <Body1 as="p" className={styles.heading}>
        Redress could not load. Check your connection and reopen the pane.
      </Body1>
    </main>
  );
}

const params = new URLSearchParams(window.location.search);
// Office adds _host_Info to add-in URLs; the manifest also says host=outlook so we never guess.
const inOutlook = params.get("host") === "outlook" || params.has("_host_Info");

const container = document.getElementById("root");
if (container === null) throw new Error("The task pane page has no #root element.");
const root = createRoot(container);

function mount(content: ReactNode) {
  root.render(
    <StrictMode>
      <PaneProvider>
        <Suspense fallback={<Waiting />}>{content}</Suspense>
      </PaneProvider>
    </StrictMode>,
  );
}

/**
 * The harness (samples, .eml reader, persona picker) is never needed inside Outlook: its own chunk, loaded before it
 * is rendered rather than through React.lazy. A Suspense boundary that has shown its fallback holds back what
 * replaces it until 300 ms have passed (React's throttle for retries) — most of the time to a painted summary. The
 * spinner shows only when the chunk is slow to come (a cold load), so a warm load does not render it for nothing.
 */
function startHarness() {
  const slow = setTimeout(() => mount(<Waiting />), 150);
  import("./harness/Harness.js").then(
    ({ Harness }) => {
      clearTimeout(slow);
      mount(<Harness initialSample={params.get("sample")} initialPersona={params.get("persona")} />);
    },
    () => {
      clearTimeout(slow);
      mount(<LoadFailed />);
    },
  );
}

if (inOutlook) {
  // Office.js is fetched from here, alongside the chunk that uses it, rather than once that chunk has arrived.
  const officeJs = loadOfficeJs();
  // A failure is handled where it is awaited (startOffice); this keeps it from being reported as unhandled meanwhile.
  officeJs.catch(() => {});
  mount(<Waiting />);
  // Without a mailbox (Office.js unreachable, or a host that is not Outlook) the harness is the honest fallback.
  import("./office-host.js")
    .then((m) => m.startOffice(officeJs))
    .then(
      (mailbox) => {
        if (!mailbox) return startHarness();
        const api = new ApiClient(accountManagerForOutlook());
        mount(<TaskPane mailbox={mailbox} api={api} teamsAppId={params.get("teamsAppId")} />);
      },
      () => startHarness(),
    );
} else {
  startHarness();
}
