import { Hono } from "hono";

export type AppEnv = { Bindings: Env };

const app = new Hono<AppEnv>();

app.get("/health", (c) => c.json({ status: "ok" }));

export default app;
