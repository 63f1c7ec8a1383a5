import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import type { TabHost } from "../host/host.js";
import { TabApp } from "./TabApp.js";

/** Renders the tab (loaded after the board request has gone out; see tab.tsx). */
export function mount(container: HTMLElement, host: TabHost): void {
  createRoot(container).render(
    <StrictMode>
      <TabApp host={host} />
    </StrictMode>,
  );
}
