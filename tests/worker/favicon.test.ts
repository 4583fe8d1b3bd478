// The site icon: /favicon.ico (what browsers ask for by default) is a well-formed 32×32 ICO, the
// pages link the SVG, and both answer conditional GETs.
import { describe, expect, it } from "vitest";
import { get } from "./api-client.js";

describe("site icon", () => {
  it("GET /favicon.ico is a 32×32, 32-bit ICO whose corners are transparent and centre opaque", async () => {
    const res = await get("/favicon.ico");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/x-icon");
    const bytes = new Uint8Array(await res.arrayBuffer());
    const view = new DataView(bytes.buffer);
    // ICONDIR: reserved 0, type 1 (icon), 1 image; its entry: 32×32, 32 bits, size and offset.
    expect([view.getUint16(0, true), view.getUint16(2, true), view.getUint16(4, true)]).toEqual([
      0, 1, 1,
    ]);
    expect([bytes[6], bytes[7], view.getUint16(12, true)]).toEqual([32, 32, 32]);
    const size = view.getUint32(14, true);
    const offset = view.getUint32(18, true);
    expect(offset + size).toBe(bytes.length);
    // BITMAPINFOHEADER of a 32×32 icon (height counts the mask rows too), then BGRA rows bottom-up.
    expect([
      view.getUint32(offset, true),
      view.getInt32(offset + 4, true),
      view.getInt32(offset + 8, true),
    ]).toEqual([40, 32, 64]);
    const alpha = (x: number, y: number) => bytes[offset + 40 + ((31 - y) * 32 + x) * 4 + 3];
    expect([alpha(0, 0), alpha(31, 0), alpha(0, 31), alpha(31, 31)]).toEqual([0, 0, 0, 0]);
    expect(alpha(16, 16)).toBe(255);

    const again = await get("/favicon.ico", { "If-None-Match": res.headers.get("etag")! });
    expect(again.status).toBe(304);
  });

  it("GET /favicon.svg is the same icon as SVG, and the pages link both", async () => {
    const svg = await get("/favicon.svg");
    expect(svg.headers.get("content-type")).toBe("image/svg+xml");
    expect(await svg.text()).toMatch(
      /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 32 32">/,
    );
    const home = await (await get("/")).text();
    expect(home).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml">');
    expect(home).toContain('<link rel="icon" href="/favicon.ico" sizes="32x32">');
  });
});
