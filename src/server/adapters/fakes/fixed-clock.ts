import type { Clock } from "../../ports/clock.js";

/** A clock that stands still until a test moves it, so deadlines and timestamps are predictable. */
export class FixedClock implements Clock {
  private current: Date;

  constructor(start: Date | string = "2026-01-05T10:00:00.000Z") {
    this.current = new Date(start);
  }

  /** A fresh copy each time, so a caller that mutates the Date cannot move the clock. */
  now(): Date {
    return new Date(this.current);
  }

  set(date: Date | string): void {
    this.current = new Date(date);
  }

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}
