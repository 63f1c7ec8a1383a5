import { useCallback, useEffect, useState } from "react";
import { RedressProvider, type TRedressThemeName } from "../../web/theme.js";
import { AuditLink, AuditView } from "../audit/AuditView.js";
import { Board } from "../board/Board.js";
import { CasePage } from "../case/CasePage.js";
import { PostalComplaintDialog } from "../dialogs/PostalComplaintDialog.js";
import type { TabHost } from "../host/host.js";
import { ConfigPage } from "./ConfigPage.js";
import { Header } from "./Header.js";
import { SessionProvider } from "./session.js";

/** The tab: the board, or one case's page; the host keeps the address so deep links, Back and reload work. */
export function TabApp({ host }: { host: TabHost }) {
  const [theme, setTheme] = useState<TRedressThemeName>(host.theme);
  const [caseId, setCaseId] = useState<string | null>(host.initialCaseId);
  const [reloadKey, setReloadKey] = useState(0);
  const [audit, setAudit] = useState(false);
  // Mounted only while in use (a fresh form each time, no focus-trap machinery on the board meanwhile), and closed
  // before it is removed so the dialog gives the page back (focus, aria-hidden) as it does on any close.
  const [postal, setPostal] = useState<"closed" | "open" | "closing">("closed");
  const closePostal = useCallback(() => {
    setPostal("closing");
    setTimeout(() => setPostal((now) => (now === "closing" ? "closed" : now)), 1000);
  }, []);

  useEffect(() => host.onThemeChange(setTheme), [host]);
  useEffect(() => {
    const onPop = () => setCaseId(new URL(window.location.href).searchParams.get("case"));
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
        <Header standalone={host.kind === "browser"} theme={theme} onTheme={setTheme} />
        {caseId ? (
          <CasePage caseId={caseId} onBack={() => open(null)} onChanged={() => setReloadKey((k) => k + 1)} />
        ) : audit ? (
          <AuditView onBack={() => setAudit(false)} onOpenCase={open} />
        ) : (
          <>
            <AuditLink onOpen={() => setAudit(true)} />
            <Board onOpen={open} onLogPostal={() => setPostal("open")} reloadKey={reloadKey} />
          </>
        )}
        {postal !== "closed" && (
          <PostalComplaintDialog
            open={postal === "open"}
            onClose={closePostal}
            onLogged={(id) => {
              closePostal();
              setReloadKey((k) => k + 1);
              open(id);
            }}
          />
        )}
      </SessionProvider>
    </RedressProvider>
  );
}
