// The coordinator's side of the worker processes: fork, command with a reply, stop.
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";

const WORKER = fileURLToPath(new URL("./worker.mjs", import.meta.url));

export class WorkerPool {
  constructor(count) {
    this.workers = [];
    this.nextId = 1;
    for (let i = 0; i < count; i++) {
      // Each worker gets a heap large enough for 5,000 sockets and its delivery bookkeeping.
      const child = fork(WORKER, [], { execArgv: ["--max-old-space-size=2048"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
      const pending = new Map();
      child.on("message", (m) => {
        const p = pending.get(m.id);
        if (!p) return;
        pending.delete(m.id);
        if (m.error) p.reject(new Error(`worker ${i}: ${m.error}`));
        else p.resolve(m);
      });
      child.on("exit", (code, signal) => {
        for (const p of pending.values()) p.reject(new Error(`worker ${i} exited (${signal || code})`));
        pending.clear();
      });
      this.workers.push({ child, pending, index: i });
    }
  }

  get pids() {
    return this.workers.map((w) => w.child.pid);
  }

  call(i, cmd) {
    const w = this.workers[i];
    return new Promise((resolve, reject) => {
      if (w.child.exitCode !== null || w.child.signalCode !== null) return reject(new Error(`worker ${i} is not running`));
      const id = this.nextId++;
      w.pending.set(id, { resolve, reject });
      w.child.send({ ...cmd, id });
    });
  }

  all(cmdOf) {
    return Promise.all(this.workers.map((w) => this.call(w.index, typeof cmdOf === "function" ? cmdOf(w.index) : cmdOf)));
  }

  /** Closes every socket and lets the workers exit; kills a worker that does not go within 10 s. */
  async stop() {
    await Promise.allSettled(this.workers.map((w) => withTimeout(this.call(w.index, { type: "disconnect" }), 10000)));
    await Promise.all(this.workers.map((w) => new Promise((resolve) => {
      if (w.child.exitCode !== null || w.child.signalCode !== null) return resolve();
      const t = setTimeout(() => { w.child.kill("SIGKILL"); resolve(); }, 10000);
      w.child.once("exit", () => { clearTimeout(t); resolve(); });
    })));
  }
}

function withTimeout(p, ms) {
  return Promise.race([p, new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), ms).unref())]);
}
