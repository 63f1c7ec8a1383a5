import { app, pages } from "@microsoft/teams-js";
import { asThemeName, type TabHost } from "./host.js";

/** Teams answers initialize within a moment when it framed us; beyond this we run as a plain page. */
const INITIALIZE_TIMEOUT_MS = 5000;

/** The tab inside Teams (personal or channel tab): theme, deep link to a case and the configuration page. */
export async function teamsHost(): Promise<TabHost> {
  await Promise.race([
    app.initialize(),
    new Promise((_, reject) => setTimeout(() => reject(new Error("Teams did not answer")), INITIALIZE_TIMEOUT_MS)),
  ]);
  const context = await app.getContext();
  // Ends the Teams loading indicator when the manifest asks for one.
  app.notifySuccess();
  const path = window.location.pathname.replace(/\/$/, "");
  return {
    kind: "teams",
    theme: asThemeName(context.app.theme),
    onThemeChange: (listener) => app.registerOnThemeChangeHandler((theme) => listener(asThemeName(theme))),
    // A deep link https://teams.microsoft.com/l/entity/<appId>/complaints?context={"subEntityId":"<caseId>"}.
    initialCaseId: context.page.subPageId || null,
    isConfigPage: path.endsWith("/tab/config"),
    showCase(caseId) {
      const next = new URL(window.location.href);
      if (caseId) next.searchParams.set("case", caseId);
      else next.searchParams.delete("case");
      window.history.pushState({ caseId }, "", next);
    },
    registerConfigSave(config) {
      pages.config.registerOnSaveHandler((save) => {
        pages.config
          .setConfig({ ...config, websiteUrl: config.contentUrl })
          .then(() => save.notifySuccess())
          .catch((error: unknown) => save.notifyFailure(error instanceof Error ? error.message : "Not saved"));
      });
      pages.config.setValidityState(true);
    },
  };
}
