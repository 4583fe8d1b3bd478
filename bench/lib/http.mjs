// Plain HTTP from the bench (keep-alive, loopback only): JSON in, status/headers/body and the
// client-side round-trip time out.
import http from "node:http";

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

export function request(base, method, pathname, { body, headers = {} } = {}) {
  const url = new URL(pathname, base);
  if (url.hostname !== "127.0.0.1") throw new Error(`bench: loopback only, not ${url.hostname}`);
  const payload =
    body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.request(
      url,
      {
        method,
        agent,
        headers: {
          Accept: "application/json",
          ...(payload === undefined
            ? {}
            : { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(payload) }),
          ...headers,
        },
      },
      (res) => {
        const chunks = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () => {
          const ms = performance.now() - started;
          const text = Buffer.concat(chunks).toString("utf8");
          let json;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({
            status: res.statusCode,
            headers: res.headers,
            text,
            body: json,
            ms,
            bytes: text.length,
          });
        });
        res.on("error", reject);
      },
    );
    req.setTimeout(60_000, () => req.destroy(new Error(`bench: ${method} ${pathname} timed out`)));
    req.on("error", reject);
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}

export function closeConnections() {
  agent.destroy();
}
