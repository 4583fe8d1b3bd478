import { createApp } from "./app.js";

export type { AppEnv } from "./env.js";
// Durable Object classes are exported by the main module (wrangler.toml [[durable_objects.bindings]]).
export { RateLimitCounter } from "./auth/rate-limit-counter.js";

export default createApp();
