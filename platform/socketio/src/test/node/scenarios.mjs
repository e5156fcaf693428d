// Scenarios run by the JUnit tests with the official socket.io-client.
// Usage: node scenarios.mjs <scenario> <url> [args...]; prints progress lines and one "RESULT {json}" line.
import { io } from "socket.io-client";
import { randomBytes } from "node:crypto";

const [scenario, url, ...args] = process.argv.slice(2);
const result = (value) => {
  console.log("RESULT " + JSON.stringify(value));
  process.exit(0);
};
let partial = {};
const fail = (message) => {
  console.log("RESULT " + JSON.stringify({ ...partial, error: message }));
  process.exit(1);
};
setTimeout(() => fail("scenario timed out"), Number(process.env.SCENARIO_TIMEOUT_MS || 45000)).unref();

const scenarios = {
  // Many clients with default transports (polling, then upgrade) emit with acks before, during and
  // after the upgrade; every ack must arrive, in order.
  async "acks-during-upgrade"() {
    const clients = Number(args[0] || 50);
    const stats = { clients, sent: 0, acked: 0, outOfOrder: 0, sentOnPolling: 0, inFlightAtUpgrade: 0,
      upgraded: 0, errors: [], stuck: [] };
    partial = stats;
    await Promise.all(Array.from({ length: clients }, (_, c) => new Promise((resolve) => {
      const socket = io(url, { forceNew: true, reconnection: false });
      let next = 0, expected = 0, upgraded = false, afterUpgrade = 0, done = false;
      const emit = () => {
        const seq = next++;
        stats.sent++;
        if (!socket.io.engine || socket.io.engine.transport.name === "polling") stats.sentOnPolling++;
        socket.emit("seq", seq, (echo) => {
          if (echo !== expected) stats.outOfOrder++;
          expected = echo + 1;
          stats.acked++;
          if (upgraded && afterUpgrade >= 5 && expected === next && !done) {
            done = true;
            clearInterval(timer);
            socket.disconnect();
            resolve();
          }
        });
        if (upgraded) afterUpgrade++;
      };
      // Watch the engine from its opening, so that an upgrade before the namespace connect is seen too.
      socket.io.on("open", () => socket.io.engine.once("upgrade", () => {
        upgraded = true;
        stats.upgraded++;
        stats.inFlightAtUpgrade += next - expected;
      }));
      setTimeout(() => { if (!done) stats.stuck.push({ c, next, expected, upgraded, afterUpgrade,
        transport: socket.io.engine && socket.io.engine.transport.name }); }, 20000).unref();
      // Emits start at once: buffered until connected, then sent over polling, across the upgrade and after it.
      for (let i = 0; i < 5; i++) emit();
      const timer = setInterval(() => { if (!done && afterUpgrade < 5) emit(); }, 2);
      socket.on("connect_error", (e) => { stats.errors.push(e.message); resolve(); });
    })));
    result(stats);
  },

  // The server streams numbered events from the moment the client connects; they must all arrive,
  // in order, while the transport changes from polling to WebSocket underneath.
  async "server-stream"() {
    const [clientsArg, countArg] = args;
    const clients = Number(clientsArg), count = Number(countArg);
    const stats = { clients, received: 0, outOfOrder: 0, upgradedMidStream: 0, errors: [] };
    partial = stats;
    await Promise.all(Array.from({ length: clients }, () => new Promise((resolve) => {
      const socket = io(url, { forceNew: true, reconnection: false });
      let expected = 0;
      socket.io.on("open", () => socket.io.engine.once("upgrade", () => {
        if (expected > 0 && expected < count) stats.upgradedMidStream++;
      }));
      socket.on("tick", (n) => {
        if (n !== expected) stats.outOfOrder++;
        expected = n + 1;
        stats.received++;
        if (expected === count) { socket.disconnect(); resolve(); }
      });
      socket.on("connect_error", (e) => { stats.errors.push(e.message); resolve(); });
    })));
    result(stats);
  },

  // Binary round trips: the server acknowledges with the same bytes.
  async binary() {
    const [transport, ...sizes] = args;
    const socket = io(url, { transports: [transport], reconnection: false });
    await new Promise((resolve, reject) => { socket.on("connect", resolve); socket.on("connect_error", reject); });
    const ok = [], failed = [];
    for (const size of sizes.map(Number)) {
      const payload = randomBytes(size);
      const echo = await socket.timeout(20000).emitWithAck("echo", payload).catch((e) => e);
      const back = Array.isArray(echo) ? echo[0] : echo;
      if (Buffer.isBuffer(back) && Buffer.compare(back, payload) === 0) ok.push(size); else failed.push(size);
    }
    socket.disconnect();
    result({ transport, ok, failed });
  },

  // Sends one payload larger than allowed and reports how the connection ends.
  async oversize() {
    const [transport, size] = args;
    const socket = io(url, { transports: [transport], reconnection: false });
    await new Promise((resolve) => socket.on("connect", resolve));
    socket.on("disconnect", (reason) => result({ disconnected: reason }));
    socket.emit("echo", randomBytes(Number(size)));
  },

  // Connects with a token; reports connect or connect_error with its message and data.
  async auth() {
    const [nsp, token] = args;
    const socket = io(url + nsp, { auth: token === "-" ? undefined : { token }, reconnection: false });
    socket.on("connect", () => { socket.disconnect(); result({ connected: true }); });
    socket.on("connect_error", (err) => result({ connected: false, message: err.message, data: err.data ?? null }));
  },

  // Stays connected across a server restart and reports both connections. "UPGRADED" follows
  // "CONNECTED 1" once the first connection is on WebSocket (the upgrade may finish before or after the connect).
  async reconnect() {
    const socket = io(url, { reconnectionDelay: 200, reconnectionDelayMax: 500 });
    const ids = [];
    let upgraded = false, toldUpgraded = false;
    const tellUpgraded = () => {
      if (upgraded && ids.length === 1 && !toldUpgraded) {
        toldUpgraded = true;
        console.log("UPGRADED");
      }
    };
    socket.io.on("open", () => socket.io.engine.once("upgrade", () => { upgraded = true; tellUpgraded(); }));
    socket.on("connect", () => {
      ids.push(socket.id);
      console.log("CONNECTED " + ids.length);
      tellUpgraded();
      if (ids.length === 2) {
        socket.emit("seq", 7, (v) => { socket.disconnect(); result({ ids, ackAfterReconnect: v }); });
      }
    });
    socket.on("disconnect", (reason) => console.log("DISCONNECTED " + reason));
  },

  // Joins a room and collects broadcast events until told how many to expect.
  async listen() {
    const [room, event, count] = args;
    const socket = io(url, { transports: ["websocket"], reconnection: false });
    const events = [];
    socket.on(event, (...a) => {
      events.push(a);
      console.log("EVENT " + JSON.stringify(a));
      if (events.length === Number(count)) { socket.disconnect(); result({ events }); }
    });
    socket.on("connect", async () => {
      await socket.emitWithAck("join", room);
      console.log("READY " + socket.id);
    });
  },
};

const run = scenarios[scenario];
if (!run) fail("unknown scenario " + scenario);
run().catch((e) => fail(String(e && e.message || e)));
