// The Teams tab: the complaints case board and each case's page. Runs inside Teams (personal and channel tab) and
// standalone at /tab in a browser; teams-js is reached only through the host adapter (host/).
//
// This entry is small on purpose: it signs in and asks for the board first, then loads React and Fluent UI, so the
// board's data and the page's code arrive side by side.
import { detectHost } from "./host/host.js";
import { initialPersona, prefetchBoard } from "./shell/accounts.js";

const container = document.getElementById("root");
if (container === null) throw new Error("The tab page has no #root element.");
const root = container;
const caseRequested = new URL(window.location.href).searchParams.has("case");
const onConfigPage = window.location.pathname.replace(/\/$/, "").endsWith("/tab/config");
// The board's request goes first; the code follows as soon as it is on its way (see prefetchBoard).
const boardRequested =
  window.parent === window && !caseRequested && !onConfigPage ? prefetchBoard(initialPersona()) : Promise.resolve();
void Promise.all([detectHost(), boardRequested.then(() => import("./shell/mount.js"))]).then(([host, { mount }]) =>
  mount(root, host),
);
