import {
  Button,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Spinner,
  Text,
  Title1,
  Title3,
  tokens,
} from "@fluentui/react-components";
import { ArrowDownload20Regular, DocumentAdd20Regular } from "@fluentui/react-icons";
import { useCallback, useEffect, useState } from "react";
import type { DashboardResponse, GovernanceDocumentView } from "../../contracts/governance-views.js";
import type { DashboardFigures, Share } from "../../server/domain/governance/dashboard.js";
import { ROOT_CAUSE_LABELS } from "../../server/domain/learning.js";
import { ApiError } from "../../web/api/client.js";
import { londonToday, RESULT_LABELS, ukDate } from "../format.js";
import { useSession } from "../shell/session.js";
import { downloadFile, yearBefore } from "./download.js";
import { BarFigure } from "./ReportCharts.js";

const useStyles = makeStyles({
  page: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`,
    maxWidth: "1200px",
  },
  title: { margin: 0 },
  filters: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalM },
  tiles: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(190px, 1fr))",
    gap: tokens.spacingHorizontalM,
  },
  tile: {
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  value: {
    fontSize: tokens.fontSizeHero700,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightHero700,
  },
  muted: { color: tokens.colorNeutralForeground2 },
  charts: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(360px, 1fr))",
    gap: tokens.spacingHorizontalM,
  },
});

const percent = (s: Share) => (s.percent === null ? "—" : `${s.percent}%`);
const monthFormat = new Intl.DateTimeFormat("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });
/** "2026-10" → "Oct 2026". */
const monthLabel = (month: string) => monthFormat.format(new Date(`${month}-15T12:00:00Z`));
const CHANNELS: Record<string, string> = { email: "Email", post: "Post", web: "Web form" };

function Tile({ label, value, detail }: { label: string; value: string; detail?: string }) {
  const styles = useStyles();
  return (
    <section className={styles.tile} aria-label={label}>
      <Text className={styles.muted}>{label}</Text>
      <span className={styles.value}>{value}</span>
      {detail && (
        <Text size={200} className={styles.muted}>
          {detail}
        </Text>
      )}
    </section>
  );
}

function Tiles({ f }: { f: DashboardFigures }) {
  const styles = useStyles();
  const s = f.survey;
  return (
    <section className={styles.tiles} aria-label="Key figures">
      <Tile
        label="Complaints received"
        value={String(f.received)}
        detail={`${f.redirected} redirected, ${f.withdrawn} withdrawn`}
      />
      <Tile
        label="Acknowledged on time"
        value={percent(f.acknowledgedOnTime)}
        detail={`${f.acknowledgedOnTime.count} of ${f.acknowledgedOnTime.of}`}
      />
      <Tile
        label={`Answered within ${f.targetWorkingDays} working days`}
        value={percent(f.answeredWithinTarget)}
        detail={`${f.answeredWithinTarget.count} of ${f.answeredWithinTarget.of}`}
      />
      <Tile
        label="Median working days to outcome"
        value={f.medianWorkingDaysToOutcome === null ? "—" : String(f.medianWorkingDaysToOutcome)}
      />
      <Tile label="Appeal rate" value={percent(f.appealRate)} detail={`${f.appealRate.count} appeals`} />
      <Tile
        label="Appeals overturned"
        value={percent(f.overturnRate)}
        detail={`${f.overturnRate.count} of ${f.overturnRate.of} decided`}
      />
      <Tile label="Escalated to awarding organisations" value={String(f.escalations.cases)} />
      <Tile
        label="Open improvement actions"
        value={String(f.improvementActions.open)}
        detail={`${f.improvementActions.overdue} overdue, ${f.improvementActions.done} done`}
      />
      <Tile
        label="Survey responses"
        value={String(s.responses)}
        detail={`${percent(s.responseRate)} of ${s.invited} invited`}
      />
      <Tile
        label="Survey: handled fairly (out of 5)"
        value={s.averages.fairness === null ? "—" : String(s.averages.fairness)}
        detail={`Easy to complain ${s.averages.easeOfComplaining ?? "—"}, kept informed ${s.averages.keptInformed ?? "—"}`}
      />
    </section>
  );
}

/** Policy aim 6 and 2.1: the figures the Board and the Operations Meeting oversee. Aggregates only. */
export function ReportsView() {
  const styles = useStyles();
  const { api, generation, hasRole } = useSession();
  const today = londonToday();
  const [from, setFrom] = useState(yearBefore(today));
  const [to, setTo] = useState(today);
  const [figures, setFigures] = useState<DashboardFigures | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<GovernanceDocumentView | null>(null);
  const [busy, setBusy] = useState(false);
  const governs = hasRole("Complaints.Direct") || hasRole("Complaints.Triage");

  const load = useCallback(async () => {
    setError(null);
    try {
      const answer = await api.get<DashboardResponse>("/api/reports/dashboard", { query: { from, to } });
      setFigures(answer.figures);
    } catch (e) {
      setError(e instanceof ApiError ? e.userMessage : "The figures could not be loaded.");
    }
  }, [api, from, to]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reload when the signed-in person changes, not per keystroke.
  useEffect(() => {
    void load();
  }, [generation]);

  const makeReport = async () => {
    setBusy(true);
    setError(null);
    try {
      const answer = await api.post<{ document: GovernanceDocumentView }>("/api/reports/annual", { from, to });
      setReport(answer.document);
    } catch (e) {
      setError(e instanceof ApiError ? e.userMessage : "The report could not be made.");
    } finally {
      setBusy(false);
    }
  };

  const f = figures;
  return (
    <main className={styles.page}>
      <Title1 as="h1" className={styles.title}>
        Complaints reports
      </Title1>
      <Text className={styles.muted}>
        Figures for complaints received in the period, counted in working days on each case's own calendar. No names and
        nothing of any complaint's content.
      </Text>
      <form
        className={styles.filters}
        aria-label="Period"
        onSubmit={(e) => {
          e.preventDefault();
          void load();
        }}
      >
        <Field label="Received from">
          <Input type="date" value={from} max={to} onChange={(_, d) => setFrom(d.value)} />
        </Field>
        <Field label="Received to">
          <Input type="date" value={to} max={today} onChange={(_, d) => setTo(d.value)} />
        </Field>
        <Button type="submit" appearance="primary">
          Show figures
        </Button>
        <Button
          icon={<ArrowDownload20Regular />}
          onClick={() =>
            void downloadFile(
              api,
              `/api/reports/dashboard.csv?from=${from}&to=${to}`,
              `complaints-figures-${from}-to-${to}.csv`,
            ).catch(() => setError("The CSV could not be downloaded."))
          }
        >
          Download CSV
        </Button>
        {governs && (
          <Button icon={<DocumentAdd20Regular />} disabled={busy} onClick={() => void makeReport()}>
            Make annual report for the Board
          </Button>
        )}
      </form>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {report && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            The annual report is saved to {report.folder}.{" "}
            <Link as="button" onClick={() => void downloadFile(api, report.url, report.name)}>
              Download {report.name}
            </Link>
          </MessageBarBody>
        </MessageBar>
      )}
      {!f ? (
        !error && <Spinner label="Loading the figures…" />
      ) : (
        <>
          <Text className={styles.muted}>
            {f.period.from ? `From ${ukDate(f.period.from)}` : "Since the first complaint"} to {ukDate(f.period.to)}.
          </Text>
          <Tiles f={f} />
          <Title3 as="h2">Charts</Title3>
          <section className={styles.charts} aria-label="Charts">
            <BarFigure
              title="Complaints by month"
              data={f.byMonth.map((m) => ({ label: monthLabel(m.month), value: m.count }))}
            />
            <BarFigure
              title="By category"
              horizontal
              data={f.byCategory.map((c) => ({ label: c.category, value: c.count }))}
            />
            <BarFigure
              title="By channel"
              data={f.byChannel.map((c) => ({ label: CHANNELS[c.channel] ?? c.channel, value: c.count }))}
            />
            <BarFigure
              title="Outcomes"
              data={f.outcomes.map((o) => ({ label: RESULT_LABELS[o.result], value: o.count }))}
            />
            <BarFigure
              title="Root causes"
              horizontal
              data={f.rootCauses
                .filter((r) => r.count > 0)
                .map((r) => ({ label: ROOT_CAUSE_LABELS[r.rootCause], value: r.count }))}
            />
            <BarFigure
              title="Survey averages (out of 5)"
              data={[
                { label: "Easy to complain", value: f.survey.averages.easeOfComplaining ?? 0 },
                { label: "Kept informed", value: f.survey.averages.keptInformed ?? 0 },
                { label: "Fairly handled", value: f.survey.averages.fairness ?? 0 },
              ]}
            />
          </section>
        </>
      )}
    </main>
  );
}
