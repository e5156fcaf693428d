// Chat-like load with the official socket.io-client, on loopback, bounded in time.
// Usage: node load.mjs <url> <clients> <roomSize> <ratePerClient> <warmupSeconds> <measureSeconds> <transport>
// Each client joins room floor(i / roomSize) and emits "chat" {room, text, ts, from} with an ack
// <ratePerClient> times a second; the server broadcasts it to the room (sender included).
// Prints MEASURE_START / MEASURE_END around the measured window, then one "RESULT {json}" line.
import { io } from "socket.io-client";
import { performance } from "node:perf_hooks";

const [url, clientsArg, roomSizeArg, rateArg, warmupArg, measureArg, transport = "websocket"] = process.argv.slice(2);
const clients = Number(clientsArg), roomSize = Number(roomSizeArg), rate = Number(rateArg);
const warmup = Number(warmupArg), measure = Number(measureArg);
const text = "x".repeat(100);
const transports = transport === "default" ? ["polling", "websocket"] : [transport];
setTimeout(() => { console.log("RESULT " + JSON.stringify({ error: "timed out" })); process.exit(1); },
  (warmup + measure + 60) * 1000).unref();

const sockets = [];
await Promise.all(Array.from({ length: clients }, (_, i) => new Promise((resolve, reject) => {
  const socket = io(url, { transports, forceNew: true, reconnection: false });
  sockets.push(socket);
  socket.on("connect", async () => {
    await socket.timeout(10000).emitWithAck("join", "room-" + Math.floor(i / roomSize));
    resolve();
  });
  socket.on("connect_error", reject);
})));

let measuring = false, delivered = 0, sent = 0, acked = 0, expected = 0;
const latencies = new Float64Array(Math.max(1, clients * rate * measure * roomSize * 2));
let n = 0;
const roomSizes = new Map();
sockets.forEach((_, i) => { const r = "room-" + Math.floor(i / roomSize); roomSizes.set(r, (roomSizes.get(r) || 0) + 1); });

for (const socket of sockets) {
  socket.on("chat", (msg) => {
    if (!measuring || msg.ts < windowStart) return;
    delivered++;
    if (n < latencies.length) latencies[n++] = performance.now() - msg.ts;
  });
}
let windowStart = Infinity;
const timers = sockets.map((socket, i) => {
  const room = "room-" + Math.floor(i / roomSize);
  // Spread the clients' send times over the interval.
  let t;
  const start = setTimeout(() => {
    t = setInterval(() => {
      const ts = performance.now();
      const counted = measuring;
      if (counted) { sent++; expected += roomSizes.get(room); }
      socket.emit("chat", { room, text, ts, from: i }, () => { if (counted) acked++; });
    }, 1000 / rate);
  }, Math.random() * 1000 / rate);
  return () => { clearTimeout(start); clearInterval(t); };
});

await new Promise((r) => setTimeout(r, warmup * 1000));
console.log("MEASURE_START");
windowStart = performance.now();
measuring = true;
await new Promise((r) => setTimeout(r, measure * 1000));
console.log("MEASURE_END");
timers.forEach((stop) => stop());
// Let messages sent in the window arrive (they still count), then stop counting.
await new Promise((r) => setTimeout(r, 2000));
measuring = false;
const sorted = latencies.subarray(0, n).sort();
const pct = (p) => (n ? sorted[Math.min(n - 1, Math.floor(p * n))] : NaN);
const onWebSocket = sockets.filter((s) => s.io.engine && s.io.engine.transport.name === "websocket").length;
console.log("RESULT " + JSON.stringify({ clients, onWebSocket, roomSize, rate, transport, seconds: measure, sent, acked, expected,
  delivered, p50: pct(0.5), p99: pct(0.99), p999: pct(0.999), max: n ? sorted[n - 1] : NaN }));
sockets.forEach((s) => s.disconnect());
process.exit(0);
