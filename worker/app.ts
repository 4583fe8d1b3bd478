import { OpenAPIHono } from "@hono/zod-openapi";
import { isPlannerError } from "../shared/index.js";
import { HttpProblem, plannerProblem, problemResponse, statusForCode } from "./lib/problem.js";
import { defaultHook } from "./lib/validation.js";
import { healthRouter } from "./routes/health.js";

export type AppEnv = { Bindings: Env; Variables: { requestId: string } };

export function newRouter() {
  return new OpenAPIHono<AppEnv>({ defaultHook });
}

/** The app: cross-cutting middleware, one router per resource, one error handler. */
export function createApp() {
  const app = newRouter();

  app.route("/", healthRouter);

  app.notFound((c) => problemResponse(c, 404, "NOT_FOUND", `No route for ${c.req.method} ${new URL(c.req.url).pathname}. See /openapi.json for the routes this API serves.`));

  app.onError((err, c) => {
    if (err instanceof HttpProblem) return problemResponse(c, err.status, err.code, err.message, err.extra, err.headers);
    if (isPlannerError(err)) return problemResponse(c, statusForCode(err.code), err.code, err.message, plannerProblem(err));
    console.error(JSON.stringify({ level: "error", requestId: c.get("requestId"), message: err.message, stack: err.stack }));
    return problemResponse(c, 500, "INTERNAL", "Something went wrong on our side; the request id identifies it in our logs.");
  });

  return app;
}
