import type { TRedressThemeName } from "../../web/theme.js";
import { browserHost } from "./browser-host.js";

/**
 * What the tab needs from where it runs: Teams (through teams-js) or a plain browser tab. Nothing else in the tab
 * imports teams-js, so the board and the case page run and are tested the same way in both.
 */
export interface TabHost {
  kind: "teams" | "browser";
  /** The theme now; `onThemeChange` reports each change (Teams: default, dark, contrast). */
  theme: TRedressThemeName;
  onThemeChange(listener: (theme: TRedressThemeName) => void): void;
  /** The case to open on start: `?case=` in a browser, the deep link's subPageId in Teams. */
  initialCaseId: string | null;
  /** True on the channel tab's configuration page (`/tab/config`). */
  isConfigPage: boolean;
  /** Shows a case (or the board, null) in the address the host keeps, so Back and reload work. */
  showCase(caseId: string | null): void;
  /** Channel tab set-up: what Teams saves when the user presses Save. */
  registerConfigSave(config: { contentUrl: string; entityId: string; suggestedDisplayName: string }): void;
}

const THEMES: readonly TRedressThemeName[] = ["default", "dark", "contrast"];

export const asThemeName = (value: string | null | undefined): TRedressThemeName =>
  THEMES.includes(value as TRedressThemeName) ? (value as TRedressThemeName) : "default";

/**
 * Teams frames the tab; a browser opens it directly. Outside a host `app.initialize()` never settles, so this is
 * checked first and teams-js is loaded only when framed.
 */
export async function detectHost(): Promise<TabHost> {
  if (window.parent === window) return browserHost();
  try {
    const { teamsHost } = await import("./teams-host.js");
    return await teamsHost();
  } catch {
    // Framed by something that is not Teams (or Teams did not answer in time): run as a browser page.
    return browserHost();
  }
}
