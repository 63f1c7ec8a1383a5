import type { PlainDate } from "../domain/calendar/types.js";
import type { ComplaintCase } from "../domain/case.js";
import type { AppDeps } from "./deps.js";

const PAGE = 500;

/**
 * Every case (optionally received within London days `from`..`to`), page by page through the store's own listing.
 * For governance views only: the caller has already been authorised for oversight of all cases.
 */
export async function everyCase(options: {
  deps: AppDeps;
  today: PlainDate;
  receivedFrom?: PlainDate;
  receivedTo?: PlainDate;
}): Promise<ComplaintCase[]> {
  const out: ComplaintCase[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await options.deps.store.listCases({
      scope: { all: true },
      today: options.today,
      receivedFrom: options.receivedFrom,
      receivedTo: options.receivedTo,
      limit: PAGE,
      cursor,
    });
    out.push(...page.cases);
    if (!page.nextCursor) return out;
    cursor = page.nextCursor;
  }
}
