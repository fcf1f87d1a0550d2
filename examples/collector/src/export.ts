// Exports that stream: keyset pages of the matching responses, oldest answer first, read from the
// database only as fast as the client takes them, so memory stays flat and the embedded database
// (one connection) answers `/collect` and the report between pages.
import type { SurveyResponse } from "@npskit/core";
import { recentAttributes } from "./aggregates.js";
import { commonAttributeKeys, KEY_SAMPLE } from "./attribute-keys.js";
import { CSV_BOM, csvHeader, csvRow } from "./csv.js";
import type { Db } from "./db.js";
import { MATCHES, matchParams, type ResponseFilter } from "./store.js";

/** Responses per page: one query, one chunk written. */
export const EXPORT_PAGE = 1000;

/** The matching responses, page by page, in `listResponses` order (created_at, id). */
export async function* responsePages(
  db: Db,
  filter: ResponseFilter,
  size = EXPORT_PAGE,
): AsyncGenerator<SurveyResponse[]> {
  let after: { at: string; id: string } | null = null;
  for (;;) {
    const { rows }: { rows: { data: SurveyResponse; at: string; id: string }[] } = await db.query(
      `SELECT data, created_at::text AS at, id FROM responses
       WHERE ${MATCHES}
         AND ($4::timestamptz IS NULL OR (created_at, id) > ($4::timestamptz, $5::text))
       ORDER BY created_at, id LIMIT $6`,
      [...matchParams(filter), after?.at ?? null, after?.id ?? null, size],
    );
    if (rows.length > 0) yield rows.map((r) => r.data);
    if (rows.length < size) return;
    // Let pending requests in first: the embedded database runs on this thread, and a client that
    // reads as fast as pages come would otherwise keep /collect waiting until the export ends.
    await new Promise((resolve) => setImmediate(resolve));
    const last = rows[rows.length - 1] as { at: string; id: string };
    after = { at: last.at, id: last.id };
  }
}

/**
 * CSV chunks: the header, then a chunk per page. The attribute columns are the common keys
 * (`commonAttributeKeys`) of the most recent `KEY_SAMPLE` matching responses (all of them up to that
 * many), so the header is written at once and its width never grows with the keys posted.
 */
export async function* csvChunks(db: Db, filter: ResponseFilter): AsyncGenerator<string> {
  const keys = commonAttributeKeys(await recentAttributes(db, filter, KEY_SAMPLE));
  yield CSV_BOM + csvHeader(keys);
  for await (const page of responsePages(db, filter)) yield page.map((r) => csvRow(r, keys)).join("");
}

/** NDJSON chunks: the wire format, one response a line (what `import` reads). */
export async function* ndjsonChunks(db: Db, filter: ResponseFilter): AsyncGenerator<string> {
  for await (const page of responsePages(db, filter)) yield page.map((r) => `${JSON.stringify(r)}\n`).join("");
}

/** A byte stream pulling one chunk at a time: nothing is read ahead of what the client takes. */
export function byteStream(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { value, done } = await chunks.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      },
      async cancel() {
        await chunks.return(undefined);
      },
    },
    { highWaterMark: 0 },
  );
}
