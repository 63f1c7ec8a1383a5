import {
  type BoardColumnsResponse,
  type BoardHead,
  type BoardHeadResponse,
  decodeBoardColumns,
  decodeBoardHead,
} from "../../contracts/board-columns.js";
import type { CaseBoardResponse } from "../../contracts/views.js";
import type { ApiClient } from "../../web/api/client.js";

/** The board's cards, fetched as columns (GET /api/board: a fraction of the bytes and parse time) and decoded. */
export async function fetchBoard(api: ApiClient, signal?: AbortSignal): Promise<CaseBoardResponse> {
  return decodeBoardColumns(await api.get<BoardColumnsResponse>("/api/board", signal ? { signal } : {}));
}

/** The top of the board (GET /api/board/head): every column's count and its newest cards, for the first paint. */
export async function fetchBoardHead(api: ApiClient, signal?: AbortSignal): Promise<BoardHead> {
  return decodeBoardHead(await api.get<BoardHeadResponse>("/api/board/head", signal ? { signal } : {}));
}
