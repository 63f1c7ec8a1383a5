import { Tab, TabList } from "@fluentui/react-components";
import { useSession } from "../shell/session.js";
import { type TabView, viewsFor } from "./view.js";

const LABELS: Record<TabView, string> = {
  board: "Cases",
  meetings: "Operations Meeting",
  reports: "Reports",
  settings: "Settings",
  "data-protection": "Data protection",
};

/** The tab's sections, like the tabs along the top of a Teams app; only the ones the person may use. */
export function ViewTabs({ view, onChange }: { view: TabView; onChange(view: TabView): void }) {
  const { hasRole } = useSession();
  const views = viewsFor(hasRole);
  if (views.length < 2) return null;
  return (
    <TabList
      aria-label="Sections"
      selectedValue={view}
      onTabSelect={(_, d) => onChange(d.value as TabView)}
      size="small"
    >
      {views.map((v) => (
        <Tab key={v} value={v}>
          {LABELS[v]}
        </Tab>
      ))}
    </TabList>
  );
}
