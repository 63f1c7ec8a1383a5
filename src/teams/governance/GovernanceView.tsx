import { MeetingsView } from "./MeetingsView.js";
import { ReportsView } from "./ReportsView.js";
import type { TabView } from "./view.js";

/** The governance sections of the tab: the Operations Meeting and the Reports. */
export function GovernanceView({
  view,
  onOpenCase,
}: {
  view: Exclude<TabView, "board">;
  onOpenCase(id: string): void;
}) {
  return view === "meetings" ? <MeetingsView onOpenCase={onOpenCase} /> : <ReportsView />;
}
