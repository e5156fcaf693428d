// Drives official socket.io-client sockets for the JUnit tests of message-service.
// Reads one JSON command per line on stdin, writes one JSON line per answer or received event on stdout:
//   {"id":1,"op":"connect","client":"alice","url":"http://127.0.0.1:1234","options":{"auth":{"token":"..."}}}
//     → {"type":"reply","id":1,"ok":true,"socketId":"..."} or {"type":"reply","id":1,"ok":false,"error":{message,data}}
//   {"id":2,"op":"emit","client":"alice","event":"join_room","args":[{...}],"ack":true,"timeoutMs":10000}
//     → {"type":"reply","id":2,"ok":true,"ack":[...]} (or "ok":false,"error":"timeout"); without "ack": at once
//   {"id":3,"op":"disconnect","client":"alice"} → {"type":"reply","id":3,"ok":true}
// Every event a socket receives: {"type":"event","client":"alice","event":"new_message","args":[...]};
// its end: {"type":"disconnect","client":"alice","reason":"io server disconnect"}.
import { io } from "socket.io-client";
import { createInterface } from "node:readline";

const sockets = new Map();
const out = (line) => process.stdout.write(JSON.stringify(line) + "\n");
const reply = (id, body) => out({ type: "reply", id, ...body });

const ops = {
  connect(cmd) {
    const options = { forceNew: true, reconnection: false, timeout: 10000, ...(cmd.options || {}) };
    const socket = io(cmd.url, options);
    sockets.set(cmd.client, socket);
    let answered = false;
    socket.onAny((event, ...args) => out({ type: "event", client: cmd.client, event, args }));
    socket.on("connect", () => {
      if (!answered) {
        answered = true;
        reply(cmd.id, { ok: true, socketId: socket.id, engineId: socket.io.engine.id, transport: socket.io.engine.transport.name });
      }
    });
    socket.on("connect_error", (err) => {
      if (!answered) {
        answered = true;
        reply(cmd.id, { ok: false, error: { message: err.message, data: err.data ?? null } });
      }
    });
    socket.on("disconnect", (reason) => out({ type: "disconnect", client: cmd.client, reason }));
  },

  emit(cmd) {
    const socket = sockets.get(cmd.client);
    if (!socket) return reply(cmd.id, { ok: false, error: "no such client" });
    const args = cmd.args || [];
    if (!cmd.ack) {
      socket.emit(cmd.event, ...args);
      return reply(cmd.id, { ok: true });
    }
    socket.timeout(cmd.timeoutMs || 10000).emit(cmd.event, ...args, (err, ...ack) => {
      if (err) reply(cmd.id, { ok: false, error: "timeout" });
      else reply(cmd.id, { ok: true, ack });
    });
  },

  disconnect(cmd) {
    const socket = sockets.get(cmd.client);
    if (socket) socket.disconnect();
    sockets.delete(cmd.client);
    reply(cmd.id, { ok: true });
  },
};

createInterface({ input: process.stdin }).on("line", (line) => {
  if (!line.trim()) return;
  let cmd;
  try {
    cmd = JSON.parse(line);
  } catch (e) {
    return out({ type: "fatal", error: "unreadable command: " + e.message });
  }
  const op = ops[cmd.op];
  if (!op) return reply(cmd.id, { ok: false, error: "unknown op " + cmd.op });
  try {
    op(cmd);
  } catch (e) {
    reply(cmd.id, { ok: false, error: String(e && e.message) });
  }
}).on("close", () => {
  for (const s of sockets.values()) s.disconnect();
  process.exit(0);
});
