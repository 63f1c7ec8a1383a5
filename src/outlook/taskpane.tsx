// The Outlook task pane ("Log as complaint"). Inside Outlook (the manifest opens /taskpane.html?host=outlook) it
// loads Office.js and works on the open email; in a plain browser it offers the development harness instead.
import { makeStyles, Spinner, Title2, tokens } from "@fluentui/react-components";
import { lazy, StrictMode, Suspense } from "react";
import { createRoot } from "react-dom/client";
import { ApiClient } from "../web/api/client.js";
import { RedressProvider } from "../web/theme.js";
import { accountManagerForOutlook } from "./accounts.js";
import type { MailboxAdapter } from "./mailbox/mailbox-adapter.js";
import { TaskPane } from "./pane/TaskPane.js";

// The harness (samples, .eml reader, persona picker) is never needed inside Outlook: its own chunk.
const Harness = lazy(() => import("./harness/Harness.js").then((m) => ({ default: m.Harness })));

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

const params = new URLSearchParams(window.location.search);
// Office adds _host_Info to add-in URLs; the manifest also says host=outlook so we never guess.
const inOutlook = params.get("host") === "outlook" || params.has("_host_Info");

const container = document.getElementById("root");
if (container === null) throw new Error("The task pane page has no #root element.");
const root = createRoot(container);

function render(mailbox: MailboxAdapter | null | "loading", api?: ApiClient) {
  root.render(
    <StrictMode>
      <RedressProvider>
        <Suspense fallback={<Waiting />}>
          {mailbox === "loading" ? (
            <Waiting />
          ) : mailbox && api ? (
            <TaskPane mailbox={mailbox} api={api} teamsAppId={params.get("teamsAppId")} />
          ) : (
            <Harness initialSample={params.get("sample")} initialPersona={params.get("persona")} />
          )}
        </Suspense>
      </RedressProvider>
    </StrictMode>,
  );
}

if (inOutlook) {
  render("loading");
  // Without a mailbox (Office.js unreachable, or a host that is not Outlook) the harness is the honest fallback.
  import("./office-host.js")
    .then((m) => m.startOffice())
    .then(
      async (mailbox) => render(mailbox, new ApiClient(await accountManagerForOutlook())),
      () => render(null),
    );
} else {
  render(null);
}
