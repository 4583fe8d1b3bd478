/** Fixed one-minute windows: every request in the same minute counts against the same row. */
export const WINDOW_MS = 60_000;

export function windowStart(now: number): number {
  return now - (now % WINDOW_MS);
}

/** Counts one request in the bucket's current window and returns the count so far: one UPSERT. */
export async function countRequest(d1: D1Database, bucket: string, now: number): Promise<number> {
  const row = await d1
    .prepare("INSERT INTO rate_limits (bucket, window_start, count) VALUES (?, ?, 1) ON CONFLICT (bucket, window_start) DO UPDATE SET count = count + 1 RETURNING count")
    .bind(bucket, windowStart(now))
    .first<{ count: number }>();
  return row?.count ?? 1;
}

/** Drops counters of windows that have ended; run once per bucket and minute, off the request path. */
export async function dropEndedWindows(d1: D1Database, now: number): Promise<void> {
  await d1.prepare("DELETE FROM rate_limits WHERE window_start < ?").bind(windowStart(now)).run();
}
