// The Teams tab: the complaints case board and each case's page. Runs inside Teams (personal and channel tab) and
// standalone at /tab in a browser; teams-js is reached only through the host adapter (host/).
//
// This entry is small on purpose: it signs in and asks for the board first, then loads React and Fluent UI, so the
// board's data and the page's code arrive side by side; the board's top is painted as plain HTML as soon as it is
// here (board/board-preview.ts) and React takes over when its code has loaded.
import { handOverFocus, paintBoardPreview } from "./board/board-preview.js";
import { asThemeName, detectHost } from "./host/host.js";
import { initialPersona, peekPrefetchedHead, prefetchBoard } from "./shell/accounts.js";

const container = document.getElementById("root");
if (container === null) throw new Error("The tab page has no #root element.");
const root = container;
const caseRequested = new URL(window.location.href).searchParams.has("case");
const onConfigPage = window.location.pathname.replace(/\/$/, "").endsWith("/tab/config");
// The board's request goes first; the code follows as soon as it is on its way (see prefetchBoard).
const prefetching = window.parent === window && !caseRequested && !onConfigPage;
const persona = initialPersona();
const boardRequested = prefetching ? prefetchBoard(persona) : Promise.resolve();
let reactStarted = false;
peekPrefetchedHead(persona)?.then(
  (head) => {
    // An empty board is left to React, which says what to do when there are no complaints yet.
    if (reactStarted || head.total === 0) return;
    paintBoardPreview(root, head, asThemeName(new URL(window.location.href).searchParams.get("theme")));
  },
  () => undefined, // the board asks again and shows the error itself
);
void Promise.all([detectHost(), boardRequested.then(() => import("./shell/mount.js"))]).then(([host, { mount }]) => {
  reactStarted = true;
  handOverFocus(root);
  mount(root, host);
});
