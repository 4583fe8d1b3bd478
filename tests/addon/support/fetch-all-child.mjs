// The UrlFetchApp stand-in's network half: reads UrlFetchApp.fetchAll requests as JSON on stdin,
// performs them for real (in parallel, as Apps Script does), and writes the answers as JSON on
// stdout. Run with execFileSync, it makes the stand-in synchronous like the real service.
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const requests = JSON.parse(Buffer.concat(chunks).toString("utf8"));

const answers = await Promise.all(
  requests.map(async (r) => {
    try {
      const headers = { ...(r.headers ?? {}) };
      if (r.contentType) headers["Content-Type"] = r.contentType;
      const res = await fetch(r.url, {
        method: (r.method ?? "get").toUpperCase(),
        headers,
        body: r.payload,
        redirect: r.followRedirects === false ? "manual" : "follow",
        signal: AbortSignal.timeout(20_000),
      });
      return {
        status: res.status,
        headers: Object.fromEntries(res.headers.entries()),
        body: await res.text(),
      };
    } catch (e) {
      // What UrlFetchApp does when a host cannot be reached: it throws (even with muteHttpExceptions).
      return { error: `Exception: Address unavailable: ${r.url} (${e.cause?.code ?? e.message})` };
    }
  }),
);
process.stdout.write(JSON.stringify(answers));
