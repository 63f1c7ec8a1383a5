import {
  Body1,
  Button,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Spinner,
  Switch,
  Text,
  Title1,
  ToggleButton,
  tokens,
} from "@fluentui/react-components";
import { Add20Regular, ArrowClockwise20Regular } from "@fluentui/react-icons";
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import type { BoardHead } from "../../contracts/board-columns.js";
import type { CaseBoardResponse, CaseCardView } from "../../contracts/views.js";
import { ApiError } from "../../web/api/client.js";
import { STAGES } from "../format.js";
import { takeArrivedHead, takePrefetchedHead } from "../shell/accounts.js";
import { preloadViews } from "../shell/lazy-views.js";
import { useSession } from "../shell/session.js";
import { BoardColumn } from "./BoardColumn.js";
import { BoardFilters } from "./BoardFilters.js";
import { CaseList } from "./CaseList.js";
import { COLUMN_EMPTY } from "./card-words.js";
import { fetchBoard, fetchBoardHead } from "./fetch-board.js";
import {
  activeFilterCount,
  type BoardFilters as Filters,
  filterCards,
  NO_FILTERS,
  prepareSearch,
  type Sort,
  sortCards,
} from "./filter-cards.js";

const useStyles = makeStyles({
  page: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`,
    height: "calc(100vh - 56px)",
    boxSizing: "border-box",
    minHeight: "480px",
  },
  titleRow: { display: "flex", alignItems: "center", flexWrap: "wrap", gap: tokens.spacingHorizontalL },
  title: { margin: 0, marginRight: "auto" },
  views: { display: "flex", gap: "2px" },
  columns: {
    display: "flex",
    gap: tokens.spacingHorizontalM,
    overflowX: "auto",
    flexGrow: 1,
    minHeight: 0,
    paddingBottom: "4px",
  },
  empty: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    maxWidth: "40rem",
    padding: tokens.spacingHorizontalXL,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  text: { margin: 0 },
  status: { color: tokens.colorNeutralForeground2 },
});

export interface BoardProps {
  onOpen(caseId: string): void;
  onLogPostal(): void;
  /** Bumped by the shell after a change elsewhere (a case changed, a complaint logged), to reload. */
  reloadKey: number;
}

type View = "board" | "list";

/** The User Timing mark set each time the board has every card (after the first paint from its top). */
export const BOARD_COMPLETE_MARK = "redress:board-complete";

/** The case board: columns by stage (like Planner) or a sortable list, with search, filters and "My cases". */
export function Board({ onOpen, onLogPostal, reloadKey }: BoardProps) {
  const styles = useStyles();
  const { api, persona, me, people, settings, hasRole } = useSession();
  // The top of the board (counts, first cards) paints first; every card (`data`) follows for the filters and list.
  const [head, setHead] = useState<BoardHead | null>(() => takeArrivedHead(persona));
  const [data, setData] = useState<CaseBoardResponse | null>(null);
  const firstLoad = useRef(head === null);
  const [error, setError] = useState<string | null>(null);
  const [view, setView] = useState<View>("board");
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [sort, setSort] = useState<Sort>({ key: "received", direction: "descending" });
  const [refreshing, setRefreshing] = useState(false);
  const deferredFilters = useDeferredValue(filters);

  const load = useCallback(
    async (signal?: AbortSignal) => {
      setRefreshing(true);
      try {
        if (firstLoad.current) {
          firstLoad.current = false;
          try {
            const top = await (takePrefetchedHead(persona) ?? fetchBoardHead(api, signal));
            if (signal?.aborted) return;
            setHead(top);
          } catch (e) {
            if ((e as Error).name === "AbortError") return;
            // No first paint from the top: the full board below shows, or says what went wrong.
          }
        }
        const board = await fetchBoard(api, signal);
        setData(board);
        setError(null);
      } catch (e) {
        if ((e as Error).name === "AbortError") return;
        setError(e instanceof ApiError ? e.userMessage : "The board could not be loaded. Try again.");
      } finally {
        setRefreshing(false);
      }
    },
    [api, persona],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: reloadKey is a reason to reload (a change elsewhere).
  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load, reloadKey]);

  // Once every card is here: a User Timing mark (when the filters and list became ready, for the benchmark and the
  // browser's performance tools), then the case page and dialogs load in idle time (not in the first paint).
  useEffect(() => {
    if (!data) return;
    performance.mark(BOARD_COMPLETE_MARK);
    const prepare = () => prepareSearch(data.cards);
    if (typeof window.requestIdleCallback === "function") window.requestIdleCallback(prepare);
    else window.setTimeout(prepare, 0);
    preloadViews();
  }, [data]);

  const nameOf = useCallback(
    (id: string | null) =>
      id ? ((data ?? head?.board)?.people[id]?.name ?? people.everyone.find((p) => p.id === id)?.name ?? id) : null,
    [data, head, people],
  );

  const filtersOn = deferredFilters.q.trim() !== "" || deferredFilters.mine || activeFilterCount(deferredFilters) > 0;
  // Filters and the list need every card: until they are here, only the unfiltered board (its top) can be shown.
  const waitingForAll = data === null && head !== null && (filtersOn || view === "list");
  const filtered = useMemo(
    () => (data ? filterCards(data.cards, deferredFilters, me?.id ?? null) : (head?.board.cards ?? [])),
    [data, head, deferredFilters, me],
  );
  const byStage = useMemo(() => {
    const groups = new Map<CaseCardView["stage"], CaseCardView[]>(STAGES.map((s) => [s, []]));
    for (const card of filtered) groups.get(card.stage)?.push(card);
    return groups;
  }, [filtered]);
  const sorted = useMemo(() => (view === "list" ? sortCards(filtered, sort) : filtered), [filtered, sort, view]);

  const sees = me ? me.roles.some((r) => r !== "Complaints.Log" && r !== "Complaints.Admin") : true;
  const canLogPostal = hasRole("Complaints.Triage") || hasRole("Complaints.Direct");
  const shown = data ?? head?.board ?? null;
  const total = data ? data.cards.length : (head?.total ?? 0);
  const allShown = data === null || filtered.length === total;

  return (
    <main className={styles.page} aria-busy={data === null}>
      <div className={styles.titleRow}>
        <Title1 as="h1" className={styles.title}>
          Complaints case board
        </Title1>
        {/* Two toggle buttons rather than a TabList: no arrow-key focus trap to learn for a two-way choice. */}
        {/* biome-ignore lint/a11y/useSemanticElements: a fieldset's legend would add a visible label to a toolbar. */}
        <div role="group" aria-label="View" className={styles.views}>
          <ToggleButton checked={view === "board"} onClick={() => setView("board")} appearance="subtle">
            Board
          </ToggleButton>
          <ToggleButton checked={view === "list"} onClick={() => setView("list")} appearance="subtle">
            List
          </ToggleButton>
        </div>
        <Switch
          label="My cases"
          checked={filters.mine}
          onChange={(_, d) => setFilters({ ...filters, mine: d.checked })}
        />
        <Button
          icon={<ArrowClockwise20Regular />}
          appearance="subtle"
          onClick={() => void load()}
          disabled={refreshing}
        >
          Refresh
        </Button>
        {canLogPostal && (
          <Button icon={<Add20Regular />} appearance="primary" onClick={onLogPostal}>
            Log a complaint in writing
          </Button>
        )}
      </div>
      <BoardFilters
        filters={filters}
        onChange={setFilters}
        handlers={people.handlers}
        categories={settings?.categories ?? []}
        contentFilters={sees}
      />
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {shown === null && !error && <Spinner label="Loading the board…" />}
      {shown !== null && total === 0 && (
        <section className={styles.empty} aria-labelledby="empty-heading">
          <Text as="h2" weight="semibold" size={500} id="empty-heading" className={styles.text}>
            No complaints yet
          </Text>
          <Body1 as="p" className={styles.text}>
            {sees
              ? "When someone clicks Log as complaint on an email in Outlook, the case appears here under Received."
              : "Cases you log from Outlook appear here with their reference and stage."}
          </Body1>
          <Text as="p" className={styles.status}>
            The Operations Director then decides what kind of complaint it is and who handles it.
          </Text>
        </section>
      )}
      {shown !== null && total > 0 && (
        <>
          <Text role="status" className={styles.status} data-testid="board-count">
            {allShown ? `${total} cases` : `Showing ${filtered.length} of ${total} cases`}
            {shown.truncated ? " (the newest only: narrow the filters to see older ones)" : ""}
          </Text>
          {waitingForAll ? (
            <Spinner label="Loading every case…" />
          ) : view === "board" ? (
            <div className={styles.columns}>
              {STAGES.map((stage) => (
                <BoardColumn
                  key={stage}
                  stage={stage}
                  cards={byStage.get(stage) ?? []}
                  count={data ? undefined : head?.stageCounts[stage]}
                  nameOf={nameOf}
                  onOpen={onOpen}
                  emptyText={allShown ? COLUMN_EMPTY[stage] : "No cases match the filters."}
                />
              ))}
            </div>
          ) : (
            <CaseList cards={sorted} sort={sort} onSort={setSort} nameOf={nameOf} onOpen={onOpen} />
          )}
        </>
      )}
    </main>
  );
}
