import { type BoardColumnsResponse, decodeBoardColumns } from "../../contracts/board-columns.js";
import type { CaseBoardResponse } from "../../contracts/views.js";
import type { ApiClient } from "../../web/api/client.js";

/** The board's cards, fetched as columns (GET /api/board: a fraction of the bytes and parse time) and decoded. */
export async function fetchBoard(api: ApiClient, signal?: AbortSignal): Promise<CaseBoardResponse> {
  return decodeBoardColumns(await api.get<BoardColumnsResponse>("/api/board", signal ? { signal } : {}));
}
