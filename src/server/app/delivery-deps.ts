import type { ActivityNotifier } from "../ports/activity-notifier.js";
import type { BoardNotifier } from "../ports/board-notifier.js";
import type { Mailer } from "../ports/mailer.js";

/** What the outbox's delivery use cases reach besides AppDeps: Microsoft 365, or the local recorder (embedded). */
export interface DeliveryDeps {
  board: BoardNotifier;
  mailer: Mailer;
  activity: ActivityNotifier;
  /** The link to a case for cards and notices (the Teams tab, or the local board). */
  caseUrl: (caseId: string) => string;
  /**
   * True in Microsoft 365 mode: the time Graph accepted an outcome email becomes the outcome's sent time and starts
   * the appeal window. In embedded mode the date the handler recorded stands (DESIGN §1).
   */
  acceptanceStartsAppealWindow: boolean;
  /**
   * True in Microsoft 365 mode: an outcome or appeal-decision card that reached the board channel records "Board
   * informed" on the case. In embedded mode the card only reaches the local outbox page, which no board member reads.
   */
  postedCardInformsBoard?: boolean;
}
