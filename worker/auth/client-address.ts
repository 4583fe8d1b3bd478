/**
 * The bucket an anonymous caller is counted in, from CF-Connecting-IP (set by Cloudflare, so it
 * is the real peer). IPv4 counts per address. IPv6 counts per /64: one subscriber is routinely
 * given a whole /64 and can rotate through it freely, so counting full addresses would let a
 * single caller look like 2^64 callers. IPv4-mapped IPv6 (::ffff:a.b.c.d) is the IPv4 address.
 * Without a readable address (local tools, tests) every caller shares one bucket.
 */
export function addressBucket(header: string | undefined): string {
  const raw = header?.trim() ?? "";
  const v4 = /^(?:::ffff:)?(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(raw);
  if (v4) return `ip:${v4[1]}`;
  const v6 = ipv6Prefix64(raw);
  return v6 ? `ip6:${v6}::/64` : "ip:unknown";
}

/** The first four groups of an IPv6 address, lower-case without leading zeros; undefined if it is not one. */
function ipv6Prefix64(text: string): string | undefined {
  if (text.length > 45 || !/^[0-9a-f:.]+$/i.test(text) || !text.includes(":")) return undefined;
  const halves = text.toLowerCase().split("::");
  if (halves.length > 2) return undefined;
  const groups = (part: string) => (part ? part.split(":") : []);
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  // An embedded IPv4 tail (::ffff:1.2.3.4 is handled above; others are rare) takes two groups.
  const last = tail.length ? tail[tail.length - 1]! : head[head.length - 1];
  const v4Tail = last?.includes(".") ? 1 : 0;
  const missing = 8 - head.length - tail.length - v4Tail;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...tail];
  const first = all.slice(0, 4);
  if (first.length < 4 || first.some((g) => !/^[0-9a-f]{1,4}$/.test(g))) return undefined;
  return first.map((g) => g.replace(/^0+(?=.)/, "")).join(":");
}
