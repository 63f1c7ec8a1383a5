import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Select,
  Spinner,
  Text,
  Title1,
  tokens,
} from "@fluentui/react-components";
import { ArrowLeft20Regular } from "@fluentui/react-icons";
import { useCallback, useEffect, useState } from "react";
import type { AuditEntryView, AuditPageView } from "../../contracts/audit.js";
import { ApiError } from "../../web/api/client.js";
import { londonToday } from "../format.js";
import { useSession } from "../shell/session.js";
import { AuditTable } from "./AuditTable.js";

const useStyles = makeStyles({
  main: {
    padding: tokens.spacingHorizontalXL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
  },
  filters: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, alignItems: "flex-end" },
  muted: { color: tokens.colorNeutralForeground2, margin: 0 },
});

interface Filters {
  actor: string;
  from: string;
  to: string;
  type: "" | "read" | "change" | "access";
}

/** The organisation-wide audit trail for directors: who read or changed which case, by person and by date. */
export function AuditView({ onBack, onOpenCase }: { onBack(): void; onOpenCase(caseId: string): void }) {
  const styles = useStyles();
  const { api, hasRole } = useSession();
  const [people, setPeople] = useState<Array<{ id: string; name: string | null }>>([]);
  const [filters, setFilters] = useState<Filters>({ actor: "", from: londonToday(), to: londonToday(), type: "" });
  const [entries, setEntries] = useState<AuditEntryView[] | null>(null);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const director = hasRole("Complaints.Direct");

  const search = useCallback(
    async (cursor: string | null) => {
      setBusy(true);
      setError(null);
      const query = new URLSearchParams({ limit: "100" });
      if (filters.actor) query.set("actor", filters.actor);
      if (filters.from) query.set("from", filters.from);
      if (filters.to) query.set("to", filters.to);
      if (filters.type) query.set("type", filters.type);
      if (cursor) query.set("cursor", cursor);
      try {
        const page = await api.get<AuditPageView>(`/api/audit?${query.toString()}`);
        setEntries((now) => (cursor && now ? [...now, ...page.entries] : page.entries));
        setNextCursor(page.nextCursor);
      } catch (e) {
        setError(e instanceof ApiError ? e.userMessage : "The audit trail could not be searched. Try again.");
      } finally {
        setBusy(false);
      }
    },
    [api, filters],
  );

  useEffect(() => {
    if (!director) return;
    api
      .get<{ people: Array<{ id: string; name: string | null }> }>("/api/audit/people")
      .then((answer) => setPeople(answer.people))
      .catch(() => setPeople([]));
  }, [api, director]);

  return (
    <main className={styles.main} aria-labelledby="audit-title">
      <div>
        <Button appearance="subtle" icon={<ArrowLeft20Regular />} onClick={onBack}>
          Back to the board
        </Button>
      </div>
      <Title1 as="h1" id="audit-title">
        Audit trail
      </Title1>
      {!director ? (
        <MessageBar intent="info">
          <MessageBarBody>Only directors can see the audit trail.</MessageBarBody>
        </MessageBar>
      ) : (
        <>
          <p className={styles.muted}>
            Every read of a case (opened, listed, downloaded, looked up from Outlook) and every change, with who and
            when. Searches here are recorded too.
          </p>
          <form
            className={styles.filters}
            onSubmit={(event) => {
              event.preventDefault();
              void search(null);
            }}
          >
            <Field label="Person">
              <Select value={filters.actor} onChange={(_, d) => setFilters({ ...filters, actor: d.value })}>
                <option value="">Everyone</option>
                {people.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name ?? p.id}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="From">
              <Input type="date" value={filters.from} onChange={(_, d) => setFilters({ ...filters, from: d.value })} />
            </Field>
            <Field label="To">
              <Input type="date" value={filters.to} onChange={(_, d) => setFilters({ ...filters, to: d.value })} />
            </Field>
            <Field label="Kind">
              <Select
                value={filters.type}
                onChange={(_, d) => setFilters({ ...filters, type: d.value as Filters["type"] })}
              >
                <option value="">Reads and changes</option>
                <option value="read">Reads only</option>
                <option value="change">Changes only</option>
                <option value="access">Audit searches and exports</option>
              </Select>
            </Field>
            <Button type="submit" appearance="primary" disabled={busy}>
              Search
            </Button>
          </form>
          {error && (
            <MessageBar intent="error">
              <MessageBarBody>{error}</MessageBarBody>
            </MessageBar>
          )}
          {entries === null ? (
            <Text>Choose a person and dates, then Search.</Text>
          ) : entries.length === 0 ? (
            <Text>Nothing was recorded for these filters. Try a wider date range or everyone.</Text>
          ) : (
            <AuditTable entries={entries} caption="Audit trail, newest first" onOpenCase={onOpenCase} />
          )}
          {nextCursor && (
            <div>
              <Button onClick={() => void search(nextCursor)} disabled={busy}>
                Show older entries
              </Button>
            </div>
          )}
          {busy && <Spinner size="tiny" label="Searching the audit trail…" />}
        </>
      )}
    </main>
  );
}
