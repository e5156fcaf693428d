// Command line of ./dingus bench. Every run is bounded: counts and durations have upper limits.

export const HELP = `./dingus bench [mode] [options]    load generator for Dingus messaging (the system must be up)

Modes (one; fixed when none is given)
  (fixed)                 C clients in rooms of S, each sending r messages/s for D seconds
  --ramp                  raise the offered rate step by step until p99 > limit or anything is lost
  --idle N                connect N sockets, hold them, report message-service heap and RSS
  --history               seed a room with many messages, measure latest-page history reads

Common
  --url URL               gateway (default http://127.0.0.1:8080)
  --auth-url URL          auth-service for setup only (default http://127.0.0.1:3001)
  --socket-url URL        where the sockets connect (default: --url, the gateway; e.g. http://127.0.0.1:3013
                          to measure one message-service node without the gateway)
  --transport T           websocket | polling | both (polling, then upgrade) (default websocket)
  --origin O              Origin header of the sockets, as a browser page sends it (default: the --url's
                          origin; "none" sends none)
  --workers W             generator processes (default 2)
  --out DIR               results folder (default bench/results)
  --keep-rooms            do not delete the bench rooms at the end

Fixed and ramp
  --clients C             sockets, one user each (default 1000)
  --room-size S           members per room (default 10)
  --rate r                messages/s per client (fixed; default 0.5)
  --duration D            measured seconds (fixed; default 20)
  --warmup W              seconds of unmeasured load first (default 5; history: unmeasured reads,
                          at least 200)
  --drain S               seconds to wait for the last deliveries (default 10)
  --size N                characters per message (default 100)
  --ack-timeout S         seconds before a send counts as unanswered (default 10)
  --ramp-start N          first offered rate, msgs/s (default 500)
  --ramp-step N           increase per step, msgs/s (default 500)
  --step-duration S       seconds per ramp step (default 10)
  --ramp-max N            stop after this offered rate (default 12000)
  --p99-limit MS          a step holds while delivery p99 <= MS (default 100)
  --target T              dingus (default) | reference: also run the Node.js reference of the seed
                          (bench/reference) on the same scenario and compare | reference-only

Idle
  --idle N                sockets to hold (10000 for the issue's target)
  --users U               distinct users for the sockets (default min(N, 1000); several devices each)
  --hold S                seconds to hold them (default 20)

History
  --history-rows N        messages in the room (default 10000000)
  --history-requests N    measured reads (default 2000)
  --history-concurrency N reads in flight (default 4)
  --history-readers N     room members that read, round robin (default 20; the gateway limits each user)
  --history-drop          delete the seeded room at the end (otherwise kept in bench/.cache for the next run)
`;

const BOUNDS = {
  workers: [1, 16], clients: [1, 20000], "room-size": [1, 1000], rate: [0.01, 100], duration: [1, 600],
  warmup: [0, 120], drain: [1, 120], size: [1, 4000], "ack-timeout": [1, 120], "ramp-start": [1, 100000],
  "ramp-step": [1, 100000], "step-duration": [2, 120], "ramp-max": [1, 200000], "p99-limit": [1, 60000],
  idle: [1, 50000], users: [1, 20000], hold: [1, 600], "history-rows": [1, 50000000], "history-requests": [1, 100000],
  "history-concurrency": [1, 64], "history-readers": [1, 200],
};

const DEFAULTS = {
  url: "http://127.0.0.1:8080", "auth-url": "http://127.0.0.1:3001", transport: "websocket", workers: 2,
  clients: 1000, "room-size": 10, rate: 0.5, duration: 20, warmup: 5, drain: 10, size: 100, "ack-timeout": 10,
  "ramp-start": 500, "ramp-step": 500, "step-duration": 10, "ramp-max": 12000, "p99-limit": 100,
  hold: 20, "history-rows": 10000000, "history-requests": 2000, "history-concurrency": 4, "history-readers": 20,
  target: "dingus", origin: "", "socket-url": "",
};

const FLAGS = new Set(["ramp", "history", "keep-rooms", "history-drop", "help"]);

export function parseArgs(argv) {
  const o = { ...DEFAULTS };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "-h" || a === "help") {
      o.help = true;
      continue;
    }
    if (!a.startsWith("--")) throw new Error(`unexpected argument '${a}' (see --help)`);
    let [name, value] = a.slice(2).split(/=(.*)/s, 2);
    if (FLAGS.has(name)) {
      o[name] = true;
      continue;
    }
    if (!(name in DEFAULTS) && !(name in BOUNDS)) throw new Error(`unknown option --${name} (see --help)`);
    if (value === undefined) {
      value = argv[++i];
      if (value === undefined) throw new Error(`--${name} needs a value`);
    }
    if (name in BOUNDS) {
      const n = Number(value);
      const [lo, hi] = BOUNDS[name];
      if (!Number.isFinite(n) || n < lo || n > hi) throw new Error(`--${name} must be a number from ${lo} to ${hi}`);
      o[name] = n;
    } else o[name] = value;
  }
  const modes = ["ramp", "history"].filter((m) => o[m]).concat(o.idle ? ["idle"] : []);
  if (modes.length > 1) throw new Error(`choose one mode, not ${modes.join(" and ")}`);
  o.mode = modes[0] || "fixed";
  if (!["websocket", "polling", "both"].includes(o.transport)) throw new Error("--transport must be websocket, polling or both");
  o.transports = o.transport === "both" ? ["polling", "websocket"] : [o.transport];
  if (!["dingus", "reference", "reference-only"].includes(o.target)) throw new Error("--target must be dingus, reference or reference-only");
  if (o.target !== "dingus" && !["fixed", "ramp"].includes(o.mode)) throw new Error("--target reference works with the fixed and ramp modes");
  for (const u of ["url", "auth-url", "socket-url"]) {
    if (!o[u]) continue;
    const host = new URL(o[u]).hostname;
    if (!["127.0.0.1", "localhost", "[::1]", "::1"].includes(host)) throw new Error(`--${u} must point at this machine (127.0.0.1): the bench never loads other hosts`);
  }
  o.url = o.url.replace(/\/$/, "");
  o["socket-url"] = (o["socket-url"] || o.url).replace(/\/$/, "");
  o.originHeader = o.origin === "none" ? null : o.origin || new URL(o.url).origin;
  o["auth-url"] = o["auth-url"].replace(/\/$/, "");
  if (o.mode === "idle" && o.users === undefined) o.users = Math.min(o.idle, 1000);
  return o;
}
