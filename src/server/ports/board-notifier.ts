/** An Adaptive Card (schema 1.5) as JSON: what a director reads in the board channel without opening anything. */
export type AdaptiveCard = Record<string, unknown>;

export interface BoardPost {
  /** Unique per outbox job (`<reference>/<job id>`), shown small on the card: how a retry finds an earlier post. */
  marker: string;
  card: AdaptiveCard;
}

/**
 * The board's Teams channel. Posting cannot be made idempotent, so before a retry whose first result is unknown the
 * caller asks `findPosted`; `null` means this route cannot tell (then a person decides — never a blind repost).
 */
export interface BoardNotifier {
  post(post: BoardPost): Promise<void>;
  findPosted(marker: string): Promise<boolean | null>;
}
