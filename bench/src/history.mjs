// History mode: a room with many stored messages, then the latest-page read
// GET /api/v1/rooms/{id}/messages through the gateway, measured. Seeding writes straight into
// message-service's `messages` database with generate_series in batches (a client would need
// days to send ten million messages); the seeded room is remembered in bench/.cache/history.json
// so that the next run reuses it instead of seeding again.
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { psql, uuid, quote } from "./db.mjs";
import { getText, request, retrying } from "./http.mjs";
import { createRooms, deleteRooms } from "./rooms.mjs";
import { Histogram, round3 } from "./histogram.mjs";
import { ProcSampler } from "./procstats.mjs";
import { processGroups } from "./scenarios.mjs";

const DB = "messages";
const BATCH = 250_000;
const REQUIRED = ["id", "room_id", "seq", "sender_id", "sender_username", "content", "client_msg_id", "created_at"];

function checkSchema() {
  const cols = psql(DB, "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'messages'").split("\n");
  const missing = REQUIRED.filter((c) => !cols.includes(c));
  if (missing.length) throw new Error(`messages table lacks ${missing.join(", ")}: the seeding SQL in bench/src/history.mjs must follow services/message-service/src/main/resources/db/migration`);
  const seqCols = psql(DB, "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'room_sequences'").split("\n");
  if (!seqCols.includes("room_id") || !seqCols.includes("last_seq")) throw new Error("room_sequences (room_id, last_seq) not found in the messages database");
}

function sizes() {
  const [db, table] = psql(DB, "SELECT pg_database_size(current_database()), pg_total_relation_size('messages')").split("|").map(Number);
  return { databaseBytes: db, messagesTableBytes: table };
}

const storedTop = (roomId) => Number(psql(DB, `SELECT coalesce(max(seq), 0) FROM messages WHERE room_id = ${uuid(roomId)}`));

/** Inserts seq (from, to] for the room in batches, each batch with its counter in one transaction. */
function seed(roomId, owner, from, to, log) {
  const t0 = performance.now();
  for (let a = from + 1; a <= to; a += BATCH) {
    const b = Math.min(to, a + BATCH - 1);
    psql(DB, `BEGIN;
INSERT INTO messages (id, room_id, seq, sender_id, sender_username, content, client_msg_id, created_at)
SELECT gen_random_uuid(), ${uuid(roomId)}, g, ${uuid(owner.userId)}, ${quote(owner.username)},
       'seeded history message ' || g || ' — enough words to look like a line of chat in a busy room',
       NULL, now() - (${to} - g) * interval '20 milliseconds'
FROM generate_series(${a}, ${b}) AS g;
INSERT INTO room_sequences (room_id, last_seq) VALUES (${uuid(roomId)}, ${b})
ON CONFLICT (room_id) DO UPDATE SET last_seq = GREATEST(room_sequences.last_seq, EXCLUDED.last_seq);
COMMIT;`);
    const done = b - from, secs = (performance.now() - t0) / 1000;
    const rate = done / secs;
    log(`  seeded ${b.toLocaleString("en")} / ${to.toLocaleString("en")} (${Math.round(rate).toLocaleString("en")} rows/s, ${Math.round((to - b) / rate)} s left)`);
  }
  psql(DB, "ANALYZE messages");
  return (performance.now() - t0) / 1000;
}

async function latestPage(url, roomId, token, query = "") {
  const t = performance.now();
  const res = await getText(`${url}/api/v1/rooms/${roomId}/messages${query}`, { authorization: `Bearer ${token}` }, 10000);
  return { ms: performance.now() - t, status: res.status, body: res.body };
}

/** Closed-loop reads with `concurrency` in flight; readers take turns (the gateway limits each user). */
async function measureReads(url, roomId, readers, count, concurrency, queryOf) {
  const hist = new Histogram();
  const statuses = {};
  let next = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < count) {
      const i = next++;
      const r = await latestPage(url, roomId, readers[i % readers.length].token, queryOf(i));
      statuses[r.status] = (statuses[r.status] || 0) + 1;
      if (r.status === 200) hist.recordMs(r.ms);
    }
  }));
  const seconds = (performance.now() - t0) / 1000;
  return { requests: count, concurrency, seconds: round3(seconds), perSecond: round3(count / seconds), statuses, latencyMs: hist.summary(), latencyCurve: hist.percentileCurve() };
}

/** Unmeasured reads for {@code seconds} (at least 200 reads), latest and older pages in turn. */
async function warmUp(url, roomId, readers, seconds, concurrency, top) {
  const deadline = performance.now() + seconds * 1000;
  const t0 = performance.now();
  let count = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (count < 200 || performance.now() < deadline) {
      const i = count++;
      const query = i % 2 === 0 ? "" : `?beforeSeq=${2 + Math.floor(Math.random() * (top - 1))}`;
      await latestPage(url, roomId, readers[i % readers.length].token, query);
    }
  }));
  return { requests: count, seconds: round3((performance.now() - t0) / 1000) };
}

export async function runHistory(ctx) {
  const o = ctx.opts;
  const rows = o["history-rows"];
  checkSchema();
  const readers = await ctx.users.take(o["history-readers"]);
  const cacheFile = join(ctx.cacheDir, "history.json");
  let cached = existsSync(cacheFile) ? JSON.parse(readFileSync(cacheFile, "utf8")) : null;
  let room = null;
  // The same users in any order: take() may hand them back in another order than the run that made the room.
  const sameReaders = cached && cached.memberIds.length === readers.length && readers.every((u) => cached.memberIds.includes(u.userId));
  if (cached && sameReaders) {
    try {
      await request("GET", `${o.url}/api/v1/rooms/${cached.roomId}`, { token: readers[0].token });
      room = { id: cached.roomId, owner: readers[0], members: readers };
    } catch {
      ctx.log(`  the cached history room ${cached.roomId} is gone; making a new one`);
      cached = null;
    }
  }
  let top = room ? storedTop(room.id) : 0;
  if (room && top !== rows) {
    // Topping a room up behind the service's back could leave its cached latest page behind the new top,
    // so a room of another size (or an interrupted seeding) is replaced by a fresh one.
    ctx.log(`  the cached history room holds ${top} messages, not --history-rows ${rows}: replacing it`);
    await deleteRooms(o.url, [room], ctx.log);
    room = null;
    top = 0;
  }
  if (!room) {
    [room] = await createRooms(o.url, readers, readers.length, `bench history ${ctx.runId}`, ctx.log);
    writeFileSync(cacheFile, JSON.stringify({ roomId: room.id, memberIds: readers.map((u) => u.userId), createdAt: new Date().toISOString() }));
  }
  const before = sizes();
  let seedSeconds = 0;
  const seededFrom = top;
  if (top < rows) {
    ctx.log(`History: seeding room ${room.id} from ${top.toLocaleString("en")} to ${rows.toLocaleString("en")} messages in batches of ${BATCH.toLocaleString("en")}`);
    seedSeconds = seed(room.id, room.owner, top, rows, ctx.log);
    top = rows;
  } else {
    ctx.log(`History: room ${room.id} already holds ${top.toLocaleString("en")} messages (bench/.cache/history.json)`);
  }
  const after = sizes();
  await ctx.users.renew(readers); // seeding ten million rows can outlast an access token

  // The service must answer the newest page: its last message is the top seq.
  const probe = await retrying(async () => {
    const r = await latestPage(o.url, room.id, readers[0].token);
    if (r.status === 429 || r.status === 503) throw Object.assign(new Error(`status ${r.status}`), { status: r.status });
    return r;
  });
  if (probe.status !== 200) throw new Error(`GET /api/v1/rooms/${room.id}/messages → ${probe.status}: ${probe.body.slice(0, 300)}`);
  const page = JSON.parse(probe.body);
  const lastSeq = page.messages && page.messages.length ? page.messages[page.messages.length - 1].seq : null;
  if (lastSeq !== top) throw new Error(`the latest page ends at seq ${lastSeq}, expected ${top}: the service does not see the seeded messages (stale cache?)`);
  ctx.log(`  latest page checked: ${page.messages.length} messages ending at seq ${lastSeq}`);

  // Warm-up by time, as the socket modes do: a count of reads left a fresh service's JIT still compiling the read
  // path during the measured reads (p99 about 3 ms worse in the first run after a start). Half of the warm-up
  // reads are older pages, so the PostgreSQL path is compiled too.
  const warmup = await warmUp(o.url, room.id, readers, o.warmup, o["history-concurrency"], top);
  ctx.log(`  warm-up: ${warmup.requests} reads in ${warmup.seconds} s (not measured)`);
  const session = { generatorPids: [process.pid] };
  const sampler = new ProcSampler(processGroups(ctx, "dingus", session));
  sampler.start();
  const latest = await measureReads(o.url, room.id, readers, o["history-requests"], o["history-concurrency"], () => "");
  const procs = sampler.stop();
  ctx.log(`  latest page: ${JSON.stringify(latest.latencyMs)} statuses ${JSON.stringify(latest.statuses)}`);
  // For contrast: pages deep in the history, which come from PostgreSQL's (room_id, seq) index.
  const deepCount = Math.min(500, o["history-requests"]);
  const deep = await measureReads(o.url, room.id, readers, deepCount, o["history-concurrency"],
    () => `?beforeSeq=${2 + Math.floor(Math.random() * (top - 1))}`);
  ctx.log(`  random older pages: ${JSON.stringify(deep.latencyMs)} statuses ${JSON.stringify(deep.statuses)}`);
  if (o["history-drop"]) {
    await deleteRooms(o.url, [room], ctx.log);
    writeFileSync(cacheFile, "null");
  }
  return {
    roomId: room.id,
    rows: top,
    seededRows: top - seededFrom,
    seedSeconds: round3(seedSeconds),
    disk: { before, after, growthBytes: after.databaseBytes - before.databaseBytes },
    pageSize: page.messages.length,
    latest,
    deep,
    warmup,
    resources: procs,
    dropped: !!o["history-drop"],
  };
}
