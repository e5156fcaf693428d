// ./dingus bench: checks that the system is up, prepares users and rooms (not measured), runs the
// chosen mode, and writes result.json, report.html and a summary. Exit code 0 when the run
// completed (targets missed are results, not errors), 1 when it could not run.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs, HELP } from "./options.mjs";
import { UserPool } from "./users.mjs";
import { machineInfo, loadAverage } from "./machine.mjs";
import { runFixed, runRamp } from "./scenarios.mjs";
import { runIdle } from "./idle.mjs";
import { runHistory } from "./history.mjs";
import { judgeTargets, htmlReport, summaryText } from "./report.mjs";

const benchDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const root = resolve(benchDir, "..");
const log = (s) => console.log(s);

async function reachable(url) {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(3000) });
    return { ok: res.ok, status: res.status, body: await res.text() };
  } catch (e) {
    return { ok: false, status: 0, error: e.cause?.code || e.cause?.errors?.[0]?.code || e.cause?.message || e.message };
  }
}

/** The system must already run: the gateway, every service behind it, and auth-service for setup. */
async function checkSystem(o) {
  const health = await reachable(`${o.url}/health`);
  const problems = [];
  if (health.status === 0) problems.push(`the gateway does not answer at ${o.url} (${health.error})`);
  else if (!health.ok) {
    let detail = "";
    try {
      const j = JSON.parse(health.body);
      const down = Object.entries(j.components || j.services || {}).filter(([, v]) => (v.status || v) !== "UP").map(([k]) => k);
      if (down.length) detail = `: not up: ${down.join(", ")}`;
    } catch {
      /* not JSON */
    }
    problems.push(`${o.url}/health answers ${health.status}${detail}`);
  }
  const auth = await reachable(`${o["auth-url"]}/actuator/health/readiness`);
  if (!auth.ok) problems.push(`auth-service is not ready at ${o["auth-url"]}`);
  if (problems.length) {
    console.error(`The system is not up: ${problems.join("; ")}.\nStart it with './dingus up' (or './dingus up --perf' for full-JIT numbers), then run the bench again.`);
    process.exit(1);
  }
}

function stamp(d) {
  return d.toISOString().replace(/[:]/g, "").replace(/\..*$/, "Z");
}

async function main() {
  let o;
  try {
    o = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`${e.message}\n`);
    console.error(HELP);
    process.exit(2);
  }
  if (o.help) {
    console.log(HELP);
    return;
  }
  await checkSystem(o);
  const started = new Date();
  const outDir = join(o.out ? resolve(o.out) : join(benchDir, "results"), `${stamp(started)}-${o.mode}${o.target !== "dingus" ? "-" + o.target : ""}`);
  mkdirSync(outDir, { recursive: true });
  const cacheDir = join(benchDir, ".cache");
  const ctx = {
    opts: o, root, benchDir, outDir, cacheDir, log,
    runId: started.getTime().toString(36),
    users: new UserPool(cacheDir, o["auth-url"], log),
    onExit: [], // cleanup after a completed or failed run (delete rooms)
    onAbort: [], // additionally on Ctrl-C (stop workers, the reference)
  };
  const machine = machineInfo(root);
  log(`./dingus bench ${o.mode}: ${machine.nproc} CPUs, load average ${machine.loadAverageAtStart.join(" ")}; results in ${outDir}`);
  if (machine.loadAverageAtStart[0] > machine.nproc) log(`  note: the machine is busy (load ${machine.loadAverageAtStart[0]} on ${machine.nproc} CPUs); numbers will be worse than on an idle machine`);

  let aborting = false;
  const cleanup = async () => {
    for (const f of ctx.onExit.splice(0)) await f().catch((e) => log(`  cleanup: ${e.message}`));
    ctx.users.release();
  };
  const onSignal = async () => {
    if (aborting) process.exit(130);
    aborting = true;
    log("\ninterrupted: stopping the load and cleaning up (Ctrl-C again to leave at once)");
    for (const f of ctx.onAbort.splice(0)) await Promise.resolve().then(f).catch(() => {});
    await cleanup();
    process.exit(130);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);

  const result = {
    tool: "./dingus bench",
    mode: o.mode,
    command: `./dingus bench ${process.argv.slice(2).join(" ")}`.trim(),
    startedAt: started.toISOString(),
    machine,
    options: o,
  };
  try {
    if (o.mode === "fixed") result.fixed = await runFixed(ctx);
    else if (o.mode === "ramp") result.ramp = await runRamp(ctx);
    else if (o.mode === "idle") result.idle = await runIdle(ctx);
    else result.history = await runHistory(ctx);
  } catch (e) {
    console.error(`bench failed: ${e.message}`);
    await cleanup();
    process.exit(1);
  }
  await cleanup();
  result.finishedAt = new Date().toISOString();
  result.loadAverageAtEnd = loadAverage();
  result.targets = judgeTargets(result);
  result.files = { json: join(outDir, "result.json"), html: join(outDir, "report.html") };
  writeFileSync(result.files.json, JSON.stringify(result, null, 1));
  writeFileSync(result.files.html, htmlReport(result));
  log("");
  log(summaryText(result));
  process.exit(0);
}

main();
