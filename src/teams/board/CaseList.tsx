import { Badge, Link, makeStyles, shorthands, tokens } from "@fluentui/react-components";
import { ArrowSortDown16Regular, ArrowSortUp16Regular } from "@fluentui/react-icons";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useRef } from "react";
import type { CaseCardView } from "../../contracts/views.js";
import { STAGE_LABELS, ukDayOf } from "../format.js";
import { DueBadge } from "./DueBadge.js";
import type { Sort, SortKey } from "./filter-cards.js";

const ROW_HEIGHT = 44;

const useStyles = makeStyles({
  scroller: {
    overflow: "auto",
    flexGrow: 1,
    minHeight: 0,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  table: { width: "100%", borderCollapse: "collapse", tableLayout: "fixed" },
  th: {
    position: "sticky",
    top: 0,
    zIndex: 1,
    textAlign: "left",
    backgroundColor: tokens.colorNeutralBackground2,
    borderBottomWidth: tokens.strokeWidthThin,
    borderBottomStyle: "solid",
    borderBottomColor: tokens.colorNeutralStroke1,
    padding: 0,
    height: `${ROW_HEIGHT}px`,
  },
  sortButton: {
    backgroundColor: "transparent",
    ...shorthands.borderStyle("none"),
    color: "inherit",
    fontFamily: "inherit",
    fontSize: "inherit",
    textAlign: "left",
    boxSizing: "border-box",
    display: "flex",
    alignItems: "center",
    gap: "4px",
    width: "100%",
    height: "100%",
    padding: "0 10px",
    fontWeight: tokens.fontWeightSemibold,
    cursor: "pointer",
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "-2px",
    },
  },
  td: {
    padding: "0 10px",
    height: `${ROW_HEIGHT}px`,
    borderBottomWidth: tokens.strokeWidthThin,
    borderBottomStyle: "solid",
    borderBottomColor: tokens.colorNeutralStroke3,
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "ellipsis",
  },
});

const COLUMNS: Array<{ key: SortKey | null; label: string; width: string }> = [
  { key: "reference", label: "Reference", width: "140px" },
  { key: "complainant", label: "Complainant", width: "18%" },
  { key: null, label: "Subject", width: "auto" },
  { key: "stage", label: "Stage", width: "130px" },
  { key: null, label: "Category", width: "160px" },
  { key: null, label: "Handler", width: "140px" },
  { key: "received", label: "Received", width: "150px" },
  { key: "due", label: "Due", width: "190px" },
];

export interface CaseListProps {
  cards: CaseCardView[];
  sort: Sort;
  onSort(sort: Sort): void;
  nameOf(id: string | null): string | null;
  onOpen(caseId: string): void;
}

/** The list view: every filtered case as a sortable table, virtualised so 10,000 rows cost what 30 do. */
export function CaseList({ cards, sort, onSort, nameOf, onOpen }: CaseListProps) {
  const styles = useStyles();
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: cards.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    initialRect: { width: 1000, height: 800 },
  });
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  return (
    <div ref={scroller} className={styles.scroller}>
      <table className={styles.table} aria-rowcount={cards.length + 1}>
        <caption style={{ position: "absolute", width: 1, height: 1, overflow: "hidden", clip: "rect(0 0 0 0)" }}>
          Complaints, {cards.length} shown
        </caption>
        <colgroup>
          {COLUMNS.map((c) => (
            <col key={c.label} style={{ width: c.width }} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {COLUMNS.map((c) => {
              const active = c.key !== null && sort.key === c.key;
              return (
                <th key={c.label} scope="col" className={styles.th} aria-sort={active ? sort.direction : undefined}>
                  {c.key === null ? (
                    <span className={styles.sortButton} style={{ cursor: "default" }}>
                      {c.label}
                    </span>
                  ) : (
                    <button
                      type="button"
                      className={styles.sortButton}
                      onClick={() =>
                        onSort({
                          key: c.key as SortKey,
                          direction: active && sort.direction === "ascending" ? "descending" : "ascending",
                        })
                      }
                    >
                      {c.label}
                      {active &&
                        (sort.direction === "ascending" ? (
                          <ArrowSortUp16Regular aria-hidden="true" />
                        ) : (
                          <ArrowSortDown16Regular aria-hidden="true" />
                        ))}
                    </button>
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {before > 0 && (
            <tr>
              <td colSpan={COLUMNS.length} style={{ height: before, padding: 0, border: 0 }} />
            </tr>
          )}
          {items.map((item) => {
            const card = cards[item.index];
            if (!card) return null;
            return (
              <tr key={card.id} aria-rowindex={item.index + 2} data-case-id={card.id}>
                <td className={styles.td}>
                  <Link
                    href={`?case=${encodeURIComponent(card.id)}`}
                    onClick={(event) => {
                      if (event.metaKey || event.ctrlKey || event.shiftKey) return;
                      event.preventDefault();
                      onOpen(card.id);
                    }}
                  >
                    {card.reference}
                  </Link>
                </td>
                <td className={styles.td}>{card.complainantName ?? "—"}</td>
                <td className={styles.td}>
                  {card.serious && (
                    <Badge appearance="filled" color="danger" size="small" style={{ marginRight: 6 }}>
                      Serious
                    </Badge>
                  )}
                  {card.subject ?? "—"}
                </td>
                <td className={styles.td}>{STAGE_LABELS[card.stage]}</td>
                <td className={styles.td}>{card.category ?? "—"}</td>
                <td className={styles.td}>{nameOf(card.handlerId) ?? "—"}</td>
                <td className={styles.td}>{ukDayOf(card.receivedAt)}</td>
                <td className={styles.td}>
                  <DueBadge
                    workingDaysLeft={card.workingDaysLeft}
                    overdue={card.overdue}
                    dueDate={card.currentDueDate}
                  />
                </td>
              </tr>
            );
          })}
          {after > 0 && (
            <tr>
              <td colSpan={COLUMNS.length} style={{ height: after, padding: 0, border: 0 }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
