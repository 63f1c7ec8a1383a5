import { asThemeName, type TabHost } from "./host.js";

/** The tab opened directly in a browser: `?case=<id>` opens a case, `?theme=dark|contrast` picks a theme. */
export function browserHost(): TabHost {
  const url = new URL(window.location.href);
  const listeners: Array<(theme: ReturnType<typeof asThemeName>) => void> = [];
  return {
    kind: "browser",
    theme: asThemeName(url.searchParams.get("theme")),
    onThemeChange: (listener) => {
      listeners.push(listener);
    },
    initialCaseId: url.searchParams.get("case"),
    isConfigPage: url.pathname.replace(/\/$/, "").endsWith("/tab/config"),
    showCase(caseId) {
      const next = new URL(window.location.href);
      if (caseId) next.searchParams.set("case", caseId);
      else next.searchParams.delete("case");
      if (next.href !== window.location.href) window.history.pushState({ caseId }, "", next);
    },
    registerConfigSave() {
      // Only Teams saves a channel tab's configuration.
    },
  };
}
