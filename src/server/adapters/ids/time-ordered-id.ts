import { randomFillSync } from "node:crypto";

/**
 * UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then a 12-bit counter that orders ids made in the same
 * millisecond, then random bits. Ids made by this process therefore sort (as strings) in the order they were made,
 * which is what breaks ties between timeline entries of the same instant (domain/timeline.ts). Still a UUID, so
 * every column and contract that took randomUUID() takes these.
 */
let lastMs = 0;
let counter = 0;
// Random bytes are drawn from the system 8 KiB at a time, not per id: one call per id costs more than the rest of it.
const POOL_BYTES = 8192;
const pool = Buffer.alloc(POOL_BYTES);
let poolAt = POOL_BYTES;

function randomBytes8(): Buffer {
  if (poolAt + 8 > POOL_BYTES) {
    randomFillSync(pool);
    poolAt = 0;
  }
  poolAt += 8;
  return pool.subarray(poolAt - 8, poolAt);
}

export function newTimeOrderedId(now: number = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    counter = 0;
  } else {
    // Same millisecond, or the clock stepped back: stay on the last one and count on, so order is kept.
    counter += 1;
    if (counter > 0xfff) {
      lastMs += 1;
      counter = 0;
    }
  }
  const random = randomBytes8();
  const ms = lastMs.toString(16).padStart(12, "0");
  const seq = (0x7000 | counter).toString(16);
  const variant = ((random[0] ?? 0) & 0x3f) | 0x80;
  const tail = random.toString("hex", 1, 8);
  return `${ms.slice(0, 8)}-${ms.slice(8)}-${seq}-${variant.toString(16)}${tail.slice(0, 2)}-${tail.slice(2)}`;
}
