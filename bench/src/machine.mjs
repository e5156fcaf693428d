// What the numbers were measured on: they mean little without the machine and its load.
import os from "node:os";
import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";

export function machineInfo(root) {
  let cpuModel = os.cpus()[0]?.model || "unknown";
  try {
    const m = readFileSync("/proc/cpuinfo", "utf8").match(/^model name\s*:\s*(.+)$/m);
    if (m) cpuModel = m[1].trim();
  } catch {
    /* keep os.cpus()'s */
  }
  let commit = null;
  try {
    commit = execFileSync("git", ["-C", root, "rev-parse", "--short", "HEAD"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    /* not a git checkout */
  }
  return {
    hostname: os.hostname(),
    nproc: os.availableParallelism ? os.availableParallelism() : os.cpus().length,
    cpuModel,
    memoryBytes: os.totalmem(),
    kernel: `${os.type()} ${os.release()}`,
    node: process.version,
    loadAverageAtStart: os.loadavg().map((x) => Math.round(x * 100) / 100),
    commit,
  };
}

export function loadAverage() {
  return os.loadavg().map((x) => Math.round(x * 100) / 100);
}
