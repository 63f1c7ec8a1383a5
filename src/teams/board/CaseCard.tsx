import { Badge, Caption1, makeStyles, mergeClasses, Text, tokens } from "@fluentui/react-components";
import { memo } from "react";
import type { CaseCardView } from "../../contracts/views.js";
import { initials } from "../format.js";
import { CARD_HEIGHT } from "./card-size.js";
import { cardLabel, cardLines } from "./card-words.js";
import { DueBadge } from "./DueBadge.js";

const useStyles = makeStyles({
  card: {
    boxSizing: "border-box",
    height: `${CARD_HEIGHT}px`,
    display: "flex",
    flexDirection: "column",
    gap: "4px",
    padding: "10px 12px",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    boxShadow: tokens.shadow2,
    color: tokens.colorNeutralForeground1,
    textDecorationLine: "none",
    overflow: "hidden",
    // A card's box never depends on its content or its neighbours: the browser lays each out on its own, and not at
    // all while it is off screen (a board is seven columns of them, wider than most screens).
    contain: "strict",
    contentVisibility: "auto",
    containIntrinsicSize: `auto ${CARD_HEIGHT}px`,
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover, boxShadow: tokens.shadow4 },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  top: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: "8px" },
  reference: { fontWeight: tokens.fontWeightSemibold, whiteSpace: "nowrap" },
  line: { whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis" },
  muted: { color: tokens.colorNeutralForeground2 },
  bottom: { display: "flex", alignItems: "center", gap: "6px", marginTop: "auto", minWidth: 0 },
  chips: { display: "flex", gap: "4px", minWidth: 0, flexGrow: 1, overflow: "hidden" },
  // The handler's initials in a circle, as Fluent's Avatar draws them (its name is in the card's label): a plain
  // element, because a board remounts dozens of cards on every search and an Avatar costs several times as much.
  initials: {
    marginLeft: "auto",
    flexShrink: 0,
    width: "24px",
    height: "24px",
    borderRadius: tokens.borderRadiusCircular,
    display: "inline-flex",
    alignItems: "center",
    justifyContent: "center",
    fontSize: tokens.fontSizeBase100,
    fontWeight: tokens.fontWeightSemibold,
    backgroundColor: tokens.colorNeutralBackground6,
    color: tokens.colorNeutralForeground3,
  },
  chip: {
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "ellipsis",
    display: "block",
    maxWidth: "100%",
    flexShrink: 1,
  },
});

export interface CaseCardProps {
  card: CaseCardView;
  handlerName: string | null;
  onOpen(caseId: string): void;
}

/** One case on the board, like a Planner card: reference, due badge, complainant, category, serious, handler. */
export const CaseCard = memo(function CaseCard({ card, handlerName, onOpen }: CaseCardProps) {
  const styles = useStyles();
  const label = cardLabel(card, handlerName);
  const lines = cardLines(card);
  return (
    <a
      href={`?case=${encodeURIComponent(card.id)}`}
      className={mergeClasses(styles.card)}
      aria-label={label}
      data-case-id={card.id}
      onClick={(event) => {
        if (event.metaKey || event.ctrlKey || event.shiftKey) return;
        event.preventDefault();
        onOpen(card.id);
      }}
    >
      <div className={styles.top}>
        <Text className={styles.reference}>{card.reference}</Text>
        <DueBadge workingDaysLeft={card.workingDaysLeft} overdue={card.overdue} dueDate={card.currentDueDate} compact />
      </div>
      {lines.main !== null ? (
        <>
          <Text className={styles.line}>{lines.main}</Text>
          <Caption1 className={mergeClasses(styles.line, styles.muted)}>{lines.muted}</Caption1>
        </>
      ) : (
        <Caption1 className={styles.muted}>{lines.muted}</Caption1>
      )}
      <div className={styles.bottom}>
        <div className={styles.chips}>
          {card.serious && (
            <Badge appearance="filled" color="danger" size="small">
              Serious
            </Badge>
          )}
          {card.category && (
            <Badge appearance="outline" color="brand" size="small" className={styles.chip} title={card.category}>
              {card.category}
            </Badge>
          )}
        </div>
        {handlerName && (
          <span className={styles.initials} aria-hidden="true">
            {initials(handlerName)}
          </span>
        )}
      </div>
    </a>
  );
});
