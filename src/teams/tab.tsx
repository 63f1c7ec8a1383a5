// The Teams tab: the complaints case board and each case's page. Runs inside Teams (personal and channel tab) and
// standalone at /tab in a browser; teams-js is reached only through the host adapter (host/).
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { detectHost } from "./host/host.js";
import { TabApp } from "./shell/TabApp.js";

const container = document.getElementById("root");
if (container === null) throw new Error("The tab page has no #root element.");
const root = createRoot(container);
void detectHost().then((host) =>
  root.render(
    <StrictMode>
      <TabApp host={host} />
    </StrictMode>,
  ),
);
