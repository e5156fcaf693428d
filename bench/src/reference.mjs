// Starts the Node.js reference (bench/reference/server.mjs) on a free port with a database of its
// own, and stops it by its PID afterwards; its database and Redis keys go with it.
import { spawn, spawnSync } from "node:child_process";
import { createServer } from "node:net";
import { existsSync, openSync, statSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { psql, uuid, redisDeletePrefix } from "./db.mjs";

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** npm ci in bench/reference when its dependencies are missing or older than the lock file. */
export function installReference(benchDir, log) {
  const dir = join(benchDir, "reference");
  const stamp = join(dir, "node_modules", ".package-lock.json");
  if (existsSync(stamp) && statSync(stamp).mtimeMs >= statSync(join(dir, "package-lock.json")).mtimeMs) return;
  log("  installing the reference's dependencies (npm ci in bench/reference)");
  const r = spawnSync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: dir, stdio: "inherit" });
  if (r.status !== 0) throw new Error("npm ci in bench/reference failed");
}

export class Reference {
  constructor({ benchDir, outDir, authUrl, log }) {
    this.benchDir = benchDir;
    this.outDir = outDir;
    this.authUrl = authUrl;
    this.log = log;
    const id = Date.now().toString(36);
    this.db = `dingus_bench_ref_${id}`;
    this.prefix = `bench-ref-${id}:`;
  }

  /** Creates the database with the rooms' memberships, starts the server, waits for its health. */
  async start(rooms) {
    installReference(this.benchDir, this.log);
    psql("postgres", `CREATE DATABASE "${this.db}"`);
    this.dbCreated = true;
    psql(this.db, readFileSync(join(this.benchDir, "reference", "schema.sql"), "utf8"));
    const rows = rooms.flatMap((r) => r.members.map((m) => `(${uuid(r.id)}, ${uuid(m.userId)})`));
    for (let i = 0; i < rows.length; i += 1000) psql(this.db, `INSERT INTO room_members (room_id, user_id) VALUES ${rows.slice(i, i + 1000).join(",")}`);
    this.port = await freePort();
    this.url = `http://127.0.0.1:${this.port}`;
    const logFile = join(this.outDir, "reference.log");
    const out = openSync(logFile, "a");
    this.child = spawn(process.execPath, [join(this.benchDir, "reference", "server.mjs")], {
      cwd: join(this.benchDir, "reference"),
      env: {
        ...process.env,
        PORT: String(this.port),
        DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${this.db}`,
        REDIS_URL: "redis://127.0.0.1:6379",
        REDIS_PREFIX: this.prefix,
        JWKS_URL: `${this.authUrl}/.well-known/jwks.json`,
      },
      stdio: ["ignore", out, out],
    });
    this.pid = this.child.pid;
    const deadline = Date.now() + 30000;
    for (;;) {
      if (this.child.exitCode !== null) throw new Error(`the reference exited at start (see ${logFile})`);
      try {
        const res = await fetch(`${this.url}/health`, { signal: AbortSignal.timeout(1000) });
        if (res.ok) break;
      } catch {
        /* not listening yet */
      }
      if (Date.now() > deadline) throw new Error(`the reference did not become healthy in 30 s (see ${logFile})`);
      await new Promise((r) => setTimeout(r, 200));
    }
    this.log(`  reference (Node ${process.version}, pid ${this.pid}) up at ${this.url}, database ${this.db}`);
  }

  async stop() {
    if (this.child && this.child.exitCode === null && this.child.signalCode === null) {
      const exited = new Promise((r) => this.child.once("exit", r));
      process.kill(this.pid, "SIGTERM");
      const timer = setTimeout(() => { if (this.child.exitCode === null) process.kill(this.pid, "SIGKILL"); }, 10000);
      await exited;
      clearTimeout(timer);
      this.log(`  reference stopped (pid ${this.pid})`);
    }
    if (this.dbCreated) {
      psql("postgres", `DROP DATABASE IF EXISTS "${this.db}" WITH (FORCE)`);
      this.dbCreated = false;
    }
    redisDeletePrefix(this.prefix);
  }
}
