/** Which top-level view the tab shows when no case is open; kept in the address (`?view=`) so reload and Back work. */
export type TabView = "board" | "meetings" | "reports" | "settings" | "data-protection";

const VIEWS: readonly TabView[] = ["board", "meetings", "reports", "settings", "data-protection"];

/** The view the address names (reload, Back and Forward land where the person was). */
export function initialView(): TabView {
  const value = new URL(window.location.href).searchParams.get("view");
  return VIEWS.includes(value as TabView) ? (value as TabView) : "board";
}

/** A new history entry per view, so Back returns to the previous one. */
export function rememberView(view: TabView): void {
  const url = new URL(window.location.href);
  if (view === "board") url.searchParams.delete("view");
  else url.searchParams.set("view", view);
  if (url.href !== window.location.href) window.history.pushState(null, "", url);
}

/** Meetings for directors and the Operations Director; Reports (aggregates) for them and admins. */
export function viewsFor(hasRole: (role: string) => boolean): TabView[] {
  const governs = hasRole("Complaints.Direct") || hasRole("Complaints.Triage");
  return [
    "board",
    ...(governs ? (["meetings"] as const) : []),
    ...(governs || hasRole("Complaints.Admin") ? (["reports"] as const) : []),
  ];
}
