import { Button, MessageBar, MessageBarBody, makeStyles, Spinner, Text, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { AuditEntryView, AuditPageView } from "../../contracts/audit.js";
import { ApiError } from "../../web/api/client.js";
import { Section } from "../case/CaseSections.js";
import { useSession } from "../shell/session.js";
import { AuditTable } from "./AuditTable.js";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, alignItems: "flex-start" },
  muted: { color: tokens.colorNeutralForeground2, margin: 0 },
});

/**
 * The case page's Audit trail section, for directors only (not there for anyone else). Loaded on request: looking
 * at the trail is itself recorded, so it is not read every time a director opens the case.
 */
export function CaseAudit({ caseId }: { caseId: string }) {
  const styles = useStyles();
  const { api, hasRole } = useSession();
  const [entries, setEntries] = useState<AuditEntryView[] | null>(null);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!hasRole("Complaints.Direct")) return null;

  const load = async (cursor: string | null) => {
    setBusy(true);
    setError(null);
    try {
      const page = await api.get<AuditPageView>(
        `/api/cases/${caseId}/audit?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
      );
      setEntries((now) => (cursor && now ? [...now, ...page.entries] : page.entries));
      setNextCursor(page.nextCursor);
    } catch (e) {
      setError(e instanceof ApiError ? e.userMessage : "The audit trail could not be loaded. Try again.");
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title="Audit trail" id="audit">
      <div className={styles.stack}>
        <p className={styles.muted}>
          Every time someone read or changed this case: who, when and how. Viewing it is recorded too.
        </p>
        {error && (
          <MessageBar intent="error">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        )}
        {entries === null ? (
          <Button onClick={() => void load(null)} disabled={busy}>
            Show who read and changed this case
          </Button>
        ) : (
          <>
            {entries.length === 0 ? (
              <Text>Nothing recorded yet.</Text>
            ) : (
              <AuditTable entries={entries} caption="Audit trail of this case, newest first" />
            )}
            {nextCursor && (
              <Button onClick={() => void load(nextCursor)} disabled={busy}>
                Show older entries
              </Button>
            )}
          </>
        )}
        {busy && <Spinner size="tiny" label="Loading the audit trail…" />}
      </div>
    </Section>
  );
}
