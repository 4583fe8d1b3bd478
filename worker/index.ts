import { createApp } from "./app.js";

export type { AppEnv } from "./app.js";

export default createApp();
