/** Where "now" comes from. The domain never reads the system clock; tests move this one. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
