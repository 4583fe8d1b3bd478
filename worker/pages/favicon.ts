// The site icon: three rising white bars (a budget that grows month by month) on the pages'
// accent blue. SVG for browsers that take it from <link rel="icon">, and a 32×32 ICO for
// /favicon.ico, the address browsers and other clients ask for by default. Both are drawn from
// the shapes below, so the repository holds no binary image.

const SIZE = 32;
const RADIUS = 6;
const ACCENT = [0x1f, 0x4e, 0x8c] as const;
const BASELINE = 25;
const BARS = [
  { x: 7, width: 5, top: 17 },
  { x: 14, width: 5, top: 12 },
  { x: 21, width: 5, top: 7 },
];

export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${SIZE} ${SIZE}"><rect width="${SIZE}" height="${SIZE}" rx="${RADIUS}" fill="#1f4e8c"/>${BARS.map((b) => `<rect x="${b.x}" y="${b.top}" width="${b.width}" height="${BASELINE - b.top}" fill="#fff"/>`).join("")}</svg>\n`;

function insideTile(x: number, y: number): boolean {
  const cx = Math.min(Math.max(x, RADIUS), SIZE - RADIUS);
  const cy = Math.min(Math.max(y, RADIUS), SIZE - RADIUS);
  return (x - cx) ** 2 + (y - cy) ** 2 <= RADIUS ** 2;
}

const onBar = (x: number, y: number) =>
  BARS.some((b) => x >= b.x && x < b.x + b.width && y >= b.top && y < BASELINE);

/** One pixel as [blue, green, red, alpha], from 4×4 samples so the rounded corners are smooth. */
function pixel(px: number, py: number): [number, number, number, number] {
  let covered = 0;
  for (let i = 0; i < 4; i++)
    for (let j = 0; j < 4; j++) if (insideTile(px + (i + 0.5) / 4, py + (j + 0.5) / 4)) covered++;
  const alpha = Math.round((covered / 16) * 255);
  if (onBar(px + 0.5, py + 0.5)) return [255, 255, 255, alpha];
  return [ACCENT[2], ACCENT[1], ACCENT[0], alpha];
}

/** An ICO file holding one 32-bit BMP image (the format every browser reads). */
function icoFile(): Uint8Array<ArrayBuffer> {
  const pixels = SIZE * SIZE * 4;
  const mask = SIZE * 4; // 1 bit per pixel, rows padded to 4 bytes; all 0: alpha decides
  const image = 40 + pixels + mask;
  const out = new Uint8Array(6 + 16 + image);
  const view = new DataView(out.buffer);
  view.setUint16(2, 1, true); // type: icon
  view.setUint16(4, 1, true); // one image
  out[6] = SIZE; // width
  out[7] = SIZE; // height
  view.setUint16(10, 1, true); // colour planes
  view.setUint16(12, 32, true); // bits per pixel
  view.setUint32(14, image, true);
  view.setUint32(18, 22, true); // offset of the image
  view.setUint32(22, 40, true); // BITMAPINFOHEADER
  view.setInt32(26, SIZE, true);
  view.setInt32(30, SIZE * 2, true); // an icon's BMP counts the colour and mask rows
  view.setUint16(34, 1, true);
  view.setUint16(36, 32, true);
  view.setUint32(42, pixels + mask, true);
  let at = 62;
  for (let row = SIZE - 1; row >= 0; row--) {
    // bottom-up
    for (let col = 0; col < SIZE; col++) {
      out.set(pixel(col, row), at);
      at += 4;
    }
  }
  return out;
}

export const FAVICON_ICO = icoFile();
