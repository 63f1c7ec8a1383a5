// The board's first paint, before React and Fluent UI have loaded. Opened in a browser, the tab asks for the top of
// the board while its code is still on the way (shell/accounts.ts, prefetchBoard); on a cold load that code takes
// over a second more to download, compile and render. Meanwhile this paints the same columns and cards as plain
// HTML: each card is a link to its case, so the board can be read and a case opened at once. React replaces it
// all on its first render (createRoot clears the container), keeping the focused card focused (handOverFocus).
//
// Plain DOM and textContent only (no HTML strings: card text is the complainant's), and styles through the CSSOM
// (the page's policy allows no inline style): a few kilobytes that the tab's entry carries.
import type { BoardHead } from "../../contracts/board-columns.js";
import type { CaseCardView } from "../../contracts/views.js";
import type { TRedressThemeName } from "../../web/theme.js";
import { initials, STAGE_LABELS, STAGES } from "../format.js";
import { PREVIEW_PALETTES, PREVIEW_TOKEN_NAMES } from "./board-preview-palette.js";
import { CARD_GAP, CARD_HEIGHT } from "./card-size.js";
import { COLUMN_EMPTY, cardLabel, cardLines, compactDueWords, dueColour, fullDueWords } from "./card-words.js";

/** Font sizes and line heights of Fluent's type ramp (base 300: body, 200: caption, hero 700: title). */
const RULES = [
  `.rp{font-family:'Segoe UI','Segoe UI Web (West European)',-apple-system,BlinkMacSystemFont,Roboto,'Helvetica Neue',sans-serif;font-size:14px;line-height:20px;color:var(--colorNeutralForeground1);background:var(--colorNeutralBackground1);min-height:100vh}`,
  "body{margin:0}",
  ".rp-bar{display:flex;align-items:center;height:56px;box-sizing:border-box;padding:0 20px;border-bottom:1px solid var(--colorNeutralStroke2);background:var(--colorNeutralBackground2);font-weight:600}",
  ".rp-main{display:flex;flex-direction:column;gap:12px;padding:16px 20px;height:calc(100vh - 56px);box-sizing:border-box;min-height:480px}",
  ".rp-title{margin:0;font-size:28px;line-height:36px;font-weight:600}",
  ".rp-muted{color:var(--colorNeutralForeground2);margin:0}",
  ".rp-columns{display:flex;gap:12px;overflow-x:auto;flex-grow:1;min-height:0;padding-bottom:4px}",
  ".rp-column{display:flex;flex-direction:column;flex:0 0 272px;min-width:0;min-height:0;border-radius:6px;background:var(--colorNeutralBackground3)}",
  // Where the search and filters will be, at their height, so the columns do not move when React takes over.
  ".rp-filters{min-height:103px;margin:0;color:var(--colorNeutralForeground2)}",
  ".rp-heading{display:flex;align-items:center;gap:8px;margin:0;padding:10px 12px 6px;font-size:14px;line-height:20px;font-weight:600}",
  ".rp-empty{margin:0;padding:4px 12px 0}",
  ".rp-count{font-weight:400;color:var(--colorNeutralForeground2)}",
  `.rp-list{list-style:none;margin:0;padding:4px 8px 8px;overflow-y:auto;display:flex;flex-direction:column;gap:${CARD_GAP}px}`,
  `.rp-card{box-sizing:border-box;height:${CARD_HEIGHT}px;display:flex;flex-direction:column;gap:4px;padding:10px 12px;border-radius:4px;background:var(--colorNeutralBackground1);border:1px solid var(--colorNeutralStroke2);box-shadow:var(--shadow2);color:var(--colorNeutralForeground1);text-decoration:none;overflow:hidden}`,
  ".rp-card:hover{background:var(--colorNeutralBackground1Hover)}",
  ".rp-card:focus-visible{outline:2px solid var(--colorStrokeFocus2);outline-offset:1px}",
  ".rp-top,.rp-bottom{display:flex;align-items:center;justify-content:space-between;gap:8px}",
  ".rp-bottom{justify-content:flex-start;gap:4px;margin-top:auto;min-width:0}",
  ".rp-avatar{margin-left:auto;flex-shrink:0;width:24px;height:24px;border-radius:50%;display:inline-flex;align-items:center;justify-content:center;font-size:10px;font-weight:600;background:var(--colorNeutralBackground6);color:var(--colorNeutralForeground3)}",
  ".rp-ref{font-weight:600;white-space:nowrap}",
  ".rp-line{white-space:nowrap;overflow:hidden;text-overflow:ellipsis}",
  ".rp-caption{font-size:12px;line-height:16px;color:var(--colorNeutralForeground2)}",
  ".rp-badge{display:inline-flex;align-items:center;box-sizing:border-box;height:20px;padding:0 6px;border-radius:4px;border:1px solid transparent;font-size:12px;line-height:16px;font-weight:600;white-space:nowrap;flex-shrink:0}",
  ".rp-small{height:16px;padding:0 4px;font-size:10px;line-height:14px;border-radius:9999px;overflow:hidden;text-overflow:ellipsis;min-width:0}",
  ".rp-danger{background:var(--colorPaletteRedBackground1);color:var(--colorPaletteRedForeground1);border-color:var(--colorPaletteRedBorder1)}",
  ".rp-warning{background:var(--colorPaletteYellowBackground1);color:var(--colorPaletteYellowForeground1);border-color:var(--colorPaletteYellowBorder1)}",
  ".rp-informative{background:var(--colorNeutralBackground4);color:var(--colorNeutralForeground3);border-color:var(--colorNeutralStroke2)}",
  ".rp-serious{background:var(--colorPaletteRedBackground3);color:var(--colorNeutralForegroundOnBrand)}",
  ".rp-category{color:var(--colorBrandForeground1);border-color:currentColor}",
];

let styled = false;

/** The rules go into one empty <style> element through the CSSOM, as Griffel does under the same policy. */
function addStyles(): void {
  if (styled) return;
  styled = true;
  const element = document.createElement("style");
  document.head.append(element);
  for (const rule of RULES) element.sheet?.insertRule(rule, element.sheet.cssRules.length);
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The card's address: this page's, with `case` set (persona and theme kept), so a click opens the case page. */
function caseHref(id: string): string {
  const url = new URL(window.location.href);
  url.searchParams.set("case", id);
  return `${url.pathname}${url.search}`;
}

function cardElement(card: CaseCardView, people: BoardHead["board"]["people"]): HTMLElement {
  const handlerName = card.handlerId ? (people[card.handlerId]?.name ?? null) : null;
  const link = el("a", "rp-card");
  link.href = caseHref(card.id);
  link.dataset.caseId = card.id;
  link.setAttribute("aria-label", cardLabel(card, handlerName));
  const top = el("div", "rp-top");
  top.append(el("span", "rp-ref", card.reference));
  if (card.currentDueDate !== null) {
    const badge = el(
      "span",
      `rp-badge rp-${dueColour(card.workingDaysLeft, card.overdue)}`,
      compactDueWords(card.workingDaysLeft, card.overdue),
    );
    badge.title = fullDueWords(card.workingDaysLeft, card.overdue, card.currentDueDate);
    top.append(badge);
  }
  link.append(top);
  const lines = cardLines(card);
  if (lines.main !== null) link.append(el("span", "rp-line", lines.main));
  link.append(el("span", "rp-line rp-caption", lines.muted));
  const bottom = el("div", "rp-bottom");
  if (card.serious) bottom.append(el("span", "rp-badge rp-small rp-serious", "Serious"));
  if (card.category) bottom.append(el("span", "rp-badge rp-small rp-category", card.category));
  if (handlerName) {
    const avatar = el("span", "rp-avatar", initials(handlerName));
    avatar.setAttribute("aria-hidden", "true");
    bottom.append(avatar);
  }
  link.append(bottom);
  return link;
}

/** Paints the top of the board into `container` (which React later takes over), in the theme asked for. */
export function paintBoardPreview(container: HTMLElement, head: BoardHead, theme: TRedressThemeName): void {
  addStyles();
  const root = el("div", "rp");
  root.dataset.firstPaint = "";
  const palette = PREVIEW_PALETTES[theme];
  for (const name of PREVIEW_TOKEN_NAMES) root.style.setProperty(`--${name}`, palette[name]);

  root.append(el("div", "rp-bar", "Redress complaints"));
  const main = el("main", "rp-main");
  main.setAttribute("aria-busy", "true");
  main.append(el("h1", "rp-title", "Complaints case board"));
  main.append(el("p", "rp-filters", "Search and filters are loading…"));
  const count = el("p", "rp-muted", `${head.total} cases`);
  count.setAttribute("role", "status");
  count.dataset.testid = "board-count";
  main.append(count);

  const columns = el("div", "rp-columns");
  const byStage = new Map<CaseCardView["stage"], CaseCardView[]>(STAGES.map((s) => [s, []]));
  for (const card of head.board.cards) byStage.get(card.stage)?.push(card);
  for (const stage of STAGES) {
    const section = el("section", "rp-column");
    const headingId = `preview-column-${stage}`;
    section.setAttribute("aria-labelledby", headingId);
    const heading = el("h2", "rp-heading", STAGE_LABELS[stage]);
    heading.id = headingId;
    heading.append(el("span", "rp-count", String(head.stageCounts[stage] ?? 0)));
    section.append(heading);
    const cards = byStage.get(stage) ?? [];
    if (cards.length === 0) {
      section.append(el("p", "rp-empty", COLUMN_EMPTY[stage]));
    } else {
      const list = el("ul", "rp-list");
      list.setAttribute("aria-labelledby", headingId);
      for (const card of cards) {
        const item = el("li", "");
        item.append(cardElement(card, head.board.people));
        list.append(item);
      }
      section.append(list);
    }
    columns.append(section);
  }
  main.append(columns);
  root.append(main);
  container.replaceChildren(root);
}

/**
 * Call before React takes over: if a card of the first paint has focus, the card with the same case gets it once
 * React has drawn it, so a keyboard user does not lose their place.
 */
export function handOverFocus(container: HTMLElement): void {
  const focused = document.activeElement;
  if (!(focused instanceof HTMLElement) || !container.contains(focused)) return;
  const caseId = focused.dataset.caseId;
  if (!caseId) return;
  let frames = 0;
  const find = () => {
    const next = container.querySelector<HTMLElement>(`[data-case-id="${CSS.escape(caseId)}"]`);
    if (next && next !== focused && next.isConnected) next.focus();
    else if (frames++ < 120) requestAnimationFrame(find);
  };
  requestAnimationFrame(find);
}
