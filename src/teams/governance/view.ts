/** Which top-level view the tab shows when no case is open; kept in the address (`?view=`) so reload and Back work. */
export type TabView = "board" | "meetings" | "reports";

const VIEWS: readonly TabView[] = ["board", "meetings", "reports"];

export function initialView(): TabView {
  const value = new URL(window.location.href).searchParams.get("view");
  return VIEWS.includes(value as TabView) ? (value as TabView) : "board";
}

export function rememberView(view: TabView): void {
  const url = new URL(window.location.href);
  if (view === "board") url.searchParams.delete("view");
  else url.searchParams.set("view", view);
  window.history.replaceState(window.history.state, "", url);
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
