// D1's Sessions API on the routes (worker/middleware/d1-session.ts): every answer that read or
// wrote D1 carries the session's bookmark (X-D1-Bookmark), and a read that sends the bookmark of a
// save reads at least that save — the writer reads its own write wherever the read is served.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { api, jsonOf, planInput, problemOf, workspaceWithKeys } from "./support/workspace.js";

const BOOKMARK = "X-D1-Bookmark";

/** The database's newest point, read the way the worker's sessions read it. */
async function newestBookmark(): Promise<string> {
  const session = env.DB.withSession("first-primary");
  await session.prepare("SELECT 1").first();
  return session.getBookmark()!;
}

async function sharedModel() {
  const ws = await workspaceWithKeys("session");
  const model = await jsonOf(
    await api("/v1/models", { key: ws.write, body: { name: "Session", input: planInput(1) } }),
    201,
  );
  const { token } = await jsonOf(
    await api(`/v1/models/${model.id}/shares`, { key: ws.write, body: {} }),
    201,
  );
  return { ws, id: model.id as string, token: token as string };
}

describe("D1 sessions and bookmarks", () => {
  it("a save answers with the bookmark of its write, and a share read with it sees the save", async () => {
    const { ws, id, token } = await sharedModel();
    const before = await newestBookmark();
    const saved = await api(`/v1/models/${id}`, {
      method: "PUT",
      key: ws.write,
      body: { input: planInput(4) },
      headers: { "If-Match": '"v1"' },
    });
    expect((await jsonOf(saved, 200)).version).toBe(2);
    const written = saved.headers.get(BOOKMARK);
    expect(written).toMatch(/\S/);
    // The save's bookmark is past the point before it (the write is in it), and no newer than now.
    expect(written! > before).toBe(true);
    expect(written! <= (await newestBookmark())).toBe(true);

    for (const path of [`/v1/shared/${token}/result`, `/v1/shared/${token}`]) {
      const read = await api(path, { headers: { [BOOKMARK]: written! } });
      const body = await jsonOf(read, 200);
      expect(body.version).toBe(2);
      // Read at least as new as the save (bookmarks compare as text).
      expect(read.headers.get(BOOKMARK)! >= written!).toBe(true);
    }
    const csv = await api(`/v1/shared/${token}/result.csv`, { headers: { [BOOKMARK]: written! } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get(BOOKMARK)! >= written!).toBe(true);
    const page = await api(`/s/${token}`, { headers: { [BOOKMARK]: written! } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`data-version="2"`);
  });

  it("share reads without a bookmark answer with one, for the reader's next request", async () => {
    const { token } = await sharedModel();
    const before = await newestBookmark();
    const read = await api(`/v1/shared/${token}/result`);
    expect(read.status).toBe(200);
    expect(read.headers.get(BOOKMARK)! >= before).toBe(true);
  });

  it("a browser on another origin may send the bookmark and read it back (CORS)", async () => {
    const preflight = await api("/v1/models", {
      method: "OPTIONS",
      headers: {
        Origin: "https://sheet.example",
        "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "x-d1-bookmark",
      },
    });
    expect(preflight.headers.get("access-control-allow-headers")).toMatch(/X-D1-Bookmark/i);
    const { token } = await sharedModel();
    const read = await api(`/v1/shared/${token}/result`, {
      headers: { Origin: "https://sheet.example" },
    });
    expect(read.headers.get("access-control-expose-headers")).toMatch(/X-D1-Bookmark/i);
  });

  it("a header that cannot be a bookmark is a 400 naming it, before anything is read or written", async () => {
    const { ws, id, token } = await sharedModel();
    for (const bad of [
      "not a bookmark",
      "x".repeat(600),
      "-leading-dash",
      "00000000-00000013",
      "00000000-0000001g-00000000-00000000",
    ]) {
      const read = await api(`/v1/shared/${token}/result`, { headers: { [BOOKMARK]: bad } });
      const p = await problemOf(read, 400);
      expect(p.field).toBe(BOOKMARK);
      expect(p.detail).toMatch(/X-D1-Bookmark must be a bookmark this API answered with/);
    }
    const refused = await api(`/v1/models/${id}`, {
      method: "PUT",
      key: ws.write,
      body: { input: planInput(2) },
      headers: { "If-Match": '"v1"', [BOOKMARK]: "no good" },
    });
    await problemOf(refused, 400);
    const model = await jsonOf(await api(`/v1/models/${id}`, { key: ws.read }), 200);
    expect(model.version).toBe(1);
  });
});
