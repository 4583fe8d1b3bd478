import { factory } from "../env.js";
import { HttpProblem } from "../http/problem.js";

/** The request and response header that carries a D1 bookmark (Cloudflare's own name for it). */
export const BOOKMARK_HEADER = "X-D1-Bookmark";

/**
 * D1 makes bookmarks (four dash-joined hex groups, `00000085-0000024c-00004c6d-8e61…`); we check
 * that shape, not the group lengths, to refuse what cannot be one before D1 is asked.
 */
const BOOKMARK = /^[0-9a-f]{1,64}(?:-[0-9a-f]{1,64}){3}$/i;

/** Share reads: public, read-mostly, the ones that must scale with their readers. */
const SHARE_READ = /^\/(?:v1\/shared|s)\//;

/**
 * Every D1 read and write of a request runs on one Sessions API session (c.var.d1), so its
 * queries are sequentially consistent, and its answer carries the session's bookmark
 * (X-D1-Bookmark). Where it starts:
 * - the X-D1-Bookmark the client sent: at least as new as that point, on any replica that has it
 *   (a planner who saved passes the save's bookmark and reads the save, wherever it reads);
 * - else, on share reads (/v1/shared/…, /s/…), the nearest replica: with read replication on, a
 *   link is served from near its readers, and the primary carries the writes only;
 * - else the primary, as without sessions: workspace routes read what they just wrote with no
 *   bookmark to carry.
 * Without read replication every session is on the primary and bookmarks only order reads.
 */
export const d1Session = factory.createMiddleware(async (c, next) => {
  const sent = c.req.header(BOOKMARK_HEADER);
  if (sent !== undefined && !BOOKMARK.test(sent))
    throw new HttpProblem(
      400,
      "BAD_REQUEST",
      `${BOOKMARK_HEADER} must be a bookmark this API answered with (the ${BOOKMARK_HEADER} header of an earlier response), sent back unchanged; leave it out to read without one.`,
      { field: BOOKMARK_HEADER },
    );
  const session = c.env.DB.withSession(
    sent ?? (SHARE_READ.test(c.req.path) ? "first-unconstrained" : "first-primary"),
  );
  c.set("d1", session);
  await next();
  const bookmark = session.getBookmark();
  if (bookmark) c.header(BOOKMARK_HEADER, bookmark);
});
