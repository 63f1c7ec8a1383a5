/** Tells the outbox worker that jobs were committed, so it delivers them now instead of at its next poll. */
export interface OutboxSignal {
  notify(): void;
}
