/** Fixed one-minute windows: every request in the same minute counts against the same row. */
export const WINDOW_MS = 60_000;

export function windowStart(now: number): number {
  return now - (now % WINDOW_MS);
}

/** Adds `requests` to the bucket's count for the window starting at `start` and returns the new total: one UPSERT. */
export async function countRequests(
  d1: D1Database,
  bucket: string,
  start: number,
  requests = 1,
): Promise<number> {
  const row = await d1
    .prepare(
      "INSERT INTO rate_limits (bucket, window_start, count) VALUES (?, ?, ?) ON CONFLICT (bucket, window_start) DO UPDATE SET count = count + excluded.count RETURNING count",
    )
    .bind(bucket, start, requests)
    .first<{ count: number }>();
  return row?.count ?? requests;
}

/** Drops counters of windows that have ended; run once per bucket and minute, off the request path. */
export async function dropEndedWindows(d1: D1Database, now: number): Promise<void> {
  await d1.prepare("DELETE FROM rate_limits WHERE window_start < ?").bind(windowStart(now)).run();
}
