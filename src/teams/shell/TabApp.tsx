import { Spinner } from "@fluentui/react-components";
import { Suspense, useCallback, useEffect, useState } from "react";
import { RedressProvider, type TRedressThemeName } from "../../web/theme.js";
import { AuditLink } from "../audit/AuditLink.js";
import { Board } from "../board/Board.js";
import { ViewTabs } from "../governance/ViewTabs.js";
import { initialView, rememberView, type TabView } from "../governance/view.js";
import type { TabHost } from "../host/host.js";
import { AdminBar } from "../settings/AdminBar.js";
import { ConfigPage } from "./ConfigPage.js";
import { Header } from "./Header.js";
import { AuditView, CasePage, GovernanceView, PostalComplaintDialog, SettingsPage } from "./lazy-views.js";
import { SessionProvider } from "./session.js";

/** The tab: the board, or one case's page; the host keeps the address so deep links, Back and reload work. */
export function TabApp({ host }: { host: TabHost }) {
  const [theme, setTheme] = useState<TRedressThemeName>(host.theme);
  const [caseId, setCaseId] = useState<string | null>(host.initialCaseId);
  const [reloadKey, setReloadKey] = useState(0);
  const [audit, setAudit] = useState(false);
  // `?view=` (meetings, reports, settings…) is kept in the address, so reload and Back work.
  const [view, setView] = useState<TabView>(initialView);
  const showView = useCallback((next: TabView | null) => {
    rememberView(next ?? "board");
    setView(next ?? "board");
  }, []);
  // Mounted only while in use (a fresh form each time, no focus-trap machinery on the board meanwhile), and closed
  // before it is removed so the dialog gives the page back (focus, aria-hidden) as it does on any close.
  const [postal, setPostal] = useState<"closed" | "open" | "closing">("closed");
  const closePostal = useCallback(() => {
    setPostal("closing");
    setTimeout(() => setPostal((now) => (now === "closing" ? "closed" : now)), 1000);
  }, []);

  useEffect(() => host.onThemeChange(setTheme), [host]);
  useEffect(() => {
    const onPop = () => {
      setCaseId(new URL(window.location.href).searchParams.get("case"));
      setView(initialView());
    };
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, []);

  const open = useCallback(
    (id: string | null) => {
      host.showCase(id);
      setCaseId(id);
      window.scrollTo(0, 0);
    },
    [host],
  );

  if (host.isConfigPage) {
    return (
      <RedressProvider theme={theme}>
        <ConfigPage host={host} />
      </RedressProvider>
    );
  }
  return (
    <RedressProvider theme={theme}>
      <SessionProvider>
        <Header standalone={host.kind === "browser"} theme={theme} onTheme={setTheme}>
          <ViewTabs
            view={caseId ? "board" : view}
            onChange={(v) => {
              if (caseId) open(null);
              showView(v);
            }}
          />
        </Header>
        {/* The views other than the board load when first opened (lazy-views.ts): a spinner meanwhile. */}
        <Suspense fallback={<Spinner label="Loading…" />}>
          {caseId ? (
            <CasePage caseId={caseId} onBack={() => open(null)} onChanged={() => setReloadKey((k) => k + 1)} />
          ) : audit ? (
            <AuditView onBack={() => setAudit(false)} onOpenCase={open} />
          ) : view === "settings" || view === "data-protection" ? (
            <SettingsPage onBack={() => showView(null)} only={view === "data-protection" ? "data-protection" : "all"} />
          ) : view !== "board" ? (
            <Suspense fallback={<Spinner label="Loading…" />}>
              <GovernanceView view={view} onOpenCase={open} />
            </Suspense>
          ) : (
            <>
              <AuditLink onOpen={() => setAudit(true)} />
              <AdminBar onOpen={showView} />
              <Board onOpen={open} onLogPostal={() => setPostal("open")} reloadKey={reloadKey} />
            </>
          )}
        </Suspense>
        {postal !== "closed" && (
          <Suspense fallback={null}>
            <PostalComplaintDialog
              open={postal === "open"}
              onClose={closePostal}
              onLogged={(id) => {
                closePostal();
                setReloadKey((k) => k + 1);
                open(id);
              }}
            />
          </Suspense>
        )}
      </SessionProvider>
    </RedressProvider>
  );
}
