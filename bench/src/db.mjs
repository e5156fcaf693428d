// psql and redis-cli for setup work that a client cannot do (seeding history, the reference's
// own database). Local PostgreSQL with trust auth as user postgres, as everywhere on this machine.
import { spawnSync } from "node:child_process";

const PG = ["-h", process.env.PGHOST || "127.0.0.1", "-p", process.env.PGPORT || "5432", "-U", process.env.PGUSER || "postgres"];

/** Runs SQL (given as text, fed on stdin) in one psql session; returns the unaligned, tuples-only output. */
export function psql(db, sql, { timeoutMs = 3600_000 } = {}) {
  const r = spawnSync("psql", [...PG, "-d", db, "-v", "ON_ERROR_STOP=1", "-X", "-Atq", "-f", "-"], {
    input: sql,
    encoding: "utf8",
    timeout: timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) throw new Error(`psql could not run: ${r.error.message} (install postgresql-client)`);
  if (r.status !== 0) throw new Error(`psql on ${db} failed: ${(r.stderr || "").trim().split("\n").slice(0, 4).join(" | ")}`);
  return r.stdout.trim();
}

export const quote = (s) => `'${String(s).replace(/'/g, "''")}'`;

export function uuid(s) {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s)) throw new Error(`not a UUID: ${s}`);
  return `'${s}'::uuid`;
}

/** Deletes every Redis key under a prefix (the reference's keys after its run). */
export function redisDeletePrefix(prefix) {
  const scan = spawnSync("redis-cli", ["-h", "127.0.0.1", "-p", "6379", "--scan", "--pattern", `${prefix}*`], { encoding: "utf8" });
  if (scan.status !== 0) return 0;
  const keys = scan.stdout.split("\n").filter(Boolean);
  for (let i = 0; i < keys.length; i += 500) spawnSync("redis-cli", ["-h", "127.0.0.1", "-p", "6379", "DEL", ...keys.slice(i, i + 500)]);
  return keys.length;
}
