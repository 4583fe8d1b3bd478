import { DurableObject } from "cloudflare:workers";

/**
 * One rate-limit bucket (an API key, a client address or /64, a share link): a Durable Object per
 * bucket, addressed by the bucket's name. Cloudflare runs each object in one place and one request
 * at a time, so `hit` counts exactly under any concurrency, from any number of isolates and
 * locations — no tally in the worker, nothing written to D1. The count lives in memory: a window
 * is a minute, and an object is only evicted after it has been idle longer than that.
 */
export class RateLimitCounter extends DurableObject<Env> {
  private windowStart = 0;
  private count = 0;

  /** Counts one request in the window starting at `windowStart` (ms) and returns the window's total. */
  hit(windowStart: number): number {
    // A caller whose clock is a little behind counts in the current window rather than reopening an old one.
    if (windowStart > this.windowStart) {
      this.windowStart = windowStart;
      this.count = 0;
    }
    this.count += 1;
    return this.count;
  }
}
