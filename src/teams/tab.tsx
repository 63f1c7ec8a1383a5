// The Teams tab: the complaints case board and each case's page. Runs inside Teams (personal and channel tab) and
// standalone at /tab in a browser; teams-js is reached only through the host adapter (host/).
//
// This entry is small on purpose: opened in a browser, it signs in and asks for the top of the board first, paints it
// as plain HTML as soon as it is here (board/board-preview.ts), and only then loads React and Fluent UI, which take
// over when their code has loaded (see prefetchBoard for why in that order).
import { handOverFocus, paintBoardPreview } from "./board/board-preview.js";
import { asThemeName, detectHost } from "./host/host.js";
import { initialPersona, prefetchBoard } from "./shell/accounts.js";

const container = document.getElementById("root");
if (container === null) throw new Error("The tab page has no #root element.");
const root = container;
const caseRequested = new URL(window.location.href).searchParams.has("case");
const onConfigPage = window.location.pathname.replace(/\/$/, "").endsWith("/tab/config");
// The board's request goes first; the code follows once its top has been painted (see prefetchBoard).
const prefetching = window.parent === window && !caseRequested && !onConfigPage;
const prefetched = prefetching ? prefetchBoard(initialPersona()) : null;
let reactStarted = false;
prefetched?.head.then(
  (head) => {
    // An empty board is left to React, which says what to do when there are no complaints yet.
    if (reactStarted || head.total === 0) return;
    paintBoardPreview(root, head, asThemeName(new URL(window.location.href).searchParams.get("theme")));
  },
  () => undefined, // the board asks again and shows the error itself
);
void Promise.all([
  detectHost(),
  (prefetched?.codeMayLoad ?? Promise.resolve()).then(() => import("./shell/mount.js")),
]).then(([host, { mount }]) => {
  reactStarted = true;
  handOverFocus(root);
  mount(root, host);
});
