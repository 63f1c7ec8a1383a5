import { Body1, CounterBadge, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useRef } from "react";
import type { CaseCardView } from "../../contracts/views.js";
import { STAGE_LABELS } from "../format.js";
import { CaseCard } from "./CaseCard.js";
import { CARD_GAP, CARD_HEIGHT } from "./card-size.js";

const useStyles = makeStyles({
  column: {
    display: "flex",
    flexDirection: "column",
    flex: "0 0 272px",
    minHeight: 0,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  header: { display: "flex", alignItems: "center", gap: "8px", padding: "10px 12px 6px" },
  heading: { margin: 0 },
  // Its size comes from the column, never from the cards: what happens inside is laid out apart from the page.
  scroller: { overflowY: "auto", flexGrow: 1, padding: "4px 8px 8px", minHeight: 0, contain: "strict" },
  empty: { margin: 0, padding: "4px 4px 0", color: tokens.colorNeutralForeground2 },
});

export interface BoardColumnProps {
  stage: CaseCardView["stage"];
  cards: CaseCardView[];
  /** The column's count when `cards` are only its first (the top of the board, before every card is here). */
  count?: number;
  nameOf(id: string | null): string | null;
  onOpen(caseId: string): void;
  emptyText: string;
}

/** One stage: a heading with its count and the cards, virtualised (only those in view are in the page). */
export function BoardColumn({ stage, cards, count = cards.length, nameOf, onOpen, emptyText }: BoardColumnProps) {
  const styles = useStyles();
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: cards.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => CARD_HEIGHT + CARD_GAP,
    // Enough beyond the edge for smooth scrolling and for Tab to reach the next card; each extra card is a mount.
    overscan: 3,
    initialRect: { width: 272, height: 800 },
  });
  const headingId = `column-${stage}`;
  return (
    <section className={styles.column} aria-labelledby={headingId} data-stage={stage}>
      <div className={styles.header}>
        <Subtitle2 as="h2" id={headingId} className={styles.heading}>
          {STAGE_LABELS[stage]}
        </Subtitle2>
        <CounterBadge count={count} overflowCount={99_999} showZero color="informative" appearance="ghost" />
      </div>
      {/* The scroller stays mounted when the column empties (a search with no match here): were it removed, the
          virtualiser would measure a new one when the cards come back, forcing a layout per column. */}
      <div ref={scroller} className={styles.scroller}>
        {cards.length === 0 ? (
          <Body1 as="p" className={styles.empty}>
            {emptyText}
          </Body1>
        ) : (
          <ul
            aria-labelledby={headingId}
            style={{
              height: virtualizer.getTotalSize(),
              position: "relative",
              margin: 0,
              padding: 0,
              listStyle: "none",
            }}
          >
            {virtualizer.getVirtualItems().map((item) => {
              const card = cards[item.index];
              if (!card) return null;
              return (
                <li
                  key={card.id}
                  style={{ position: "absolute", top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` }}
                >
                  <CaseCard card={card} handlerName={nameOf(card.handlerId)} onOpen={onOpen} />
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </section>
  );
}
