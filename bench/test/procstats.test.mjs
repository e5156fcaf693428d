import { test } from "node:test";
import assert from "node:assert/strict";
import { servesDatabases, cpuSeconds, memory } from "../src/procstats.mjs";

test("PostgreSQL backends count for their own database only; shared helpers always count", () => {
  const want = new Set(["messages"]);
  assert.equal(servesDatabases("postgres: 15/main: postgres messages 127.0.0.1(54320) idle", want), true);
  assert.equal(servesDatabases("postgres: 15/main: postgres auth_it_42 127.0.0.1(54321) INSERT", want), false);
  assert.equal(servesDatabases("postgres: postgres messages [local] idle", want), true);
  assert.equal(servesDatabases("postgres: 15/main: walwriter", want), true);
  assert.equal(servesDatabases("postgres: 15/main: autovacuum worker", want), true);
  assert.equal(servesDatabases("/usr/lib/postgresql/15/bin/postgres -D /var/lib/postgresql/15/main -c config_file=/etc/postgresql/15/main/postgresql.conf", want), true);
});

test("this process's own CPU time and memory are read from /proc", () => {
  const t0 = cpuSeconds(process.pid);
  let x = 0;
  for (let i = 0; i < 3e7; i++) x += i % 7;
  assert.ok(x > 0);
  assert.ok(cpuSeconds(process.pid) > t0);
  const m = memory(process.pid);
  assert.ok(m.rss > 10 * 1024 * 1024 && m.hwm >= m.rss);
  assert.equal(cpuSeconds(2 ** 22 + 12345), null); // no such process
});
