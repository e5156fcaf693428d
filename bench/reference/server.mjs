// The Node.js reference of the seed: one message service in the seed's stack (Express, Socket.IO 4,
// pg, the Socket.IO Redis adapter, a Redis list as the message cache), written the way that stack is
// usually written, with the same events and acks as Dingus (ARCHITECTURE §5) for join_room and
// send_message. ./dingus bench --target reference runs the same scenario against it to compare CPU
// per delivered message. It trusts Dingus's access tokens (RS256, keys from auth-service's JWKS).
//
// Environment: PORT, DATABASE_URL, REDIS_URL, REDIS_PREFIX, JWKS_URL.
import http from "node:http";
import { createPublicKey } from "node:crypto";
import express from "express";
import { Server } from "socket.io";
import { createAdapter } from "@socket.io/redis-adapter";
import { Redis } from "ioredis";
import pg from "pg";
import jwt from "jsonwebtoken";

const PORT = Number(process.env.PORT || 3903);
const PREFIX = process.env.REDIS_PREFIX || "bench-ref:";
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const redis = new Redis(process.env.REDIS_URL || "redis://127.0.0.1:6379");
const sub = redis.duplicate();

const jwks = await (await fetch(process.env.JWKS_URL || "http://127.0.0.1:3001/.well-known/jwks.json")).json();
const keys = new Map(jwks.keys.map((k) => [k.kid, createPublicKey({ key: k, format: "jwk" })]));

const app = express();
app.use(express.json({ limit: "64kb" }));
app.get("/health", async (_req, res) => {
  try {
    await pool.query("SELECT 1");
    await redis.ping();
    res.json({ status: "UP" });
  } catch (e) {
    res.status(503).json({ status: "DOWN", error: e.message });
  }
});
const server = http.createServer(app);
const io = new Server(server, { path: "/socket.io", cors: { origin: true }, maxHttpBufferSize: 65536 });
io.adapter(createAdapter(redis, sub, { key: PREFIX + "socket.io" }));

const SEND_SQL = `
WITH existing AS (
  SELECT * FROM messages WHERE sender_id = $2 AND client_msg_id = $5
), counter AS (
  INSERT INTO room_sequences (room_id, last_seq)
  SELECT $1::uuid, 1 WHERE NOT EXISTS (SELECT 1 FROM existing)
  ON CONFLICT (room_id) DO UPDATE SET last_seq = room_sequences.last_seq + 1
  RETURNING last_seq
), inserted AS (
  INSERT INTO messages (room_id, seq, sender_id, sender_username, content, client_msg_id)
  SELECT $1::uuid, last_seq, $2::uuid, $3::text, $4::text, $5::text FROM counter
  RETURNING *
)
SELECT *, true AS fresh FROM inserted UNION ALL SELECT *, false FROM existing`;

const fail = (code, message) => ({ success: false, error: { code, message } });

io.use((socket, next) => {
  const token = socket.handshake.auth && socket.handshake.auth.token;
  if (typeof token !== "string") return next(new Error("unauthorized: missing token"));
  try {
    const header = jwt.decode(token, { complete: true })?.header;
    const key = header && keys.get(header.kid);
    if (!key) return next(new Error("token_invalid: unknown key"));
    const claims = jwt.verify(token, key, { algorithms: ["RS256"], issuer: "dingus" });
    socket.data.userId = claims.sub;
    socket.data.username = claims.username;
    next();
  } catch (e) {
    next(new Error("token_invalid: " + e.message));
  }
});

io.on("connection", (socket) => {
  const { userId, username } = socket.data;
  socket.join(`user:${userId}`);
  const joined = new Set();

  socket.on("join_room", async (payload, ack) => {
    const reply = typeof ack === "function" ? ack : () => {};
    const roomId = payload && payload.roomId;
    if (typeof roomId !== "string") return reply(fail("validation_failed", "roomId is required"));
    try {
      const member = await pool.query("SELECT 1 FROM room_members WHERE room_id = $1 AND user_id = $2", [roomId, userId]);
      if (member.rowCount === 0) return reply(fail("room_not_found", "no such room"));
      const latest = await pool.query("SELECT * FROM messages WHERE room_id = $1 ORDER BY seq DESC LIMIT 50", [roomId]);
      const messages = latest.rows.reverse();
      const lastSeq = messages.length ? Number(messages[messages.length - 1].seq) : 0;
      joined.add(roomId);
      socket.join(`room:${roomId}`);
      socket.emit("room_joined", { roomId, messages, lastSeq });
      socket.to(`room:${roomId}`).emit("user_joined", { roomId, userId, username });
      reply({ success: true, roomId, lastSeq });
    } catch (e) {
      reply(fail("internal_error", e.message));
    }
  });

  socket.on("send_message", async (payload, ack) => {
    const reply = typeof ack === "function" ? ack : () => {};
    const roomId = payload && (payload.roomId ?? payload.room_id);
    const content = payload && payload.content;
    const clientMsgId = payload && typeof payload.clientMsgId === "string" ? payload.clientMsgId : null;
    if (typeof roomId !== "string") return reply(fail("validation_failed", "roomId is required"));
    if (typeof content !== "string" || !content.trim() || content.length > 4000) return reply(fail("validation_failed", "content must be 1-4000 characters"));
    if (!joined.has(roomId)) return reply(fail("not_a_member", "join the room first"));
    // One statement, one commit: the resend check, the room's counter and the insert together. The
    // counter row is locked by the upsert until the commit, so seq has no gaps and no duplicates.
    let message;
    try {
      const { rows } = await pool.query(SEND_SQL, [roomId, userId, username, content, clientMsgId]);
      message = rows[0];
    } catch (e) {
      return reply(fail("internal_error", e.message));
    }
    const fresh = message.fresh;
    delete message.fresh;
    message.seq = Number(message.seq);
    if (!fresh) return reply({ success: true, message, duplicate: true }); // a resend: stored and sent before
    // The seed's "message caching with Redis": the room's latest 100 messages.
    const key = `${PREFIX}room:${roomId}:latest`;
    redis.multi().lpush(key, JSON.stringify(message)).ltrim(key, 0, 99).exec().catch(() => {});
    reply({ success: true, message });
    io.to(`room:${roomId}`).emit("new_message", message);
  });
});

server.listen(PORT, "127.0.0.1", () => console.log(`reference listening on 127.0.0.1:${PORT}`));
const shutdown = () => {
  io.close();
  server.close();
  Promise.allSettled([pool.end(), redis.quit(), sub.quit()]).then(() => process.exit(0));
  setTimeout(() => process.exit(0), 3000).unref();
};
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
