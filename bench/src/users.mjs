// Bench users. Registering costs a BCrypt hash each, so created users are kept with their refresh
// tokens in bench/.cache/users.json (git-ignored) and later runs only refresh them. Setup talks to
// auth-service directly (registration through the gateway is rate limited per address); nothing
// here is measured.
import { readFileSync, writeFileSync, renameSync, mkdirSync, existsSync, openSync, closeSync, unlinkSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { request, mapLimit, retrying } from "./http.mjs";

export class UserPool {
  constructor(cacheDir, authUrl, log) {
    this.cacheDir = cacheDir;
    this.file = join(cacheDir, "users.json");
    this.authUrl = authUrl;
    this.log = log;
    mkdirSync(cacheDir, { recursive: true });
    this.lockFile = join(cacheDir, "lock");
    this.lock();
    this.users = existsSync(this.file) ? JSON.parse(readFileSync(this.file, "utf8")).users || [] : [];
  }

  /** One bench at a time: two runs would spend each other's refresh tokens. */
  lock() {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = openSync(this.lockFile, "wx");
        writeFileSync(fd, String(process.pid));
        closeSync(fd);
        return;
      } catch (e) {
        if (e.code !== "EEXIST") throw e;
        const holder = Number(readFileSync(this.lockFile, "utf8").trim());
        if (holder && existsSync(`/proc/${holder}`)) throw new Error(`another bench run (pid ${holder}) is using ${this.cacheDir}`);
        unlinkSync(this.lockFile); // left by a run that died
      }
    }
  }

  release() {
    try {
      if (readFileSync(this.lockFile, "utf8").trim() === String(process.pid)) unlinkSync(this.lockFile);
    } catch {
      /* already gone */
    }
  }

  save() {
    const tmp = this.file + ".tmp";
    writeFileSync(tmp, JSON.stringify({ note: "bench users of this machine; refresh tokens rotate on every run", users: this.users }));
    renameSync(tmp, this.file);
  }

  /**
   * n users with fresh access tokens: cached ones are refreshed (a spent or unknown refresh token drops
   * the user from the cache, e.g. after the auth database was reset), the rest are registered.
   */
  async take(n) {
    const t0 = Date.now();
    const usable = [];
    let dropped = 0;
    const candidates = this.users.slice(0, n);
    const refreshed = await mapLimit(candidates, 8, async (u) => {
      try {
        const res = await retrying(() => request("POST", `${this.authUrl}/api/v1/auth/refresh`, { body: { refreshToken: u.refreshToken } }));
        u.refreshToken = res.refreshToken;
        u.userId = res.user.id;
        return { ...u, token: res.accessToken || res.token, tokenAt: Date.now(), expiresIn: res.expiresIn };
      } catch (e) {
        if (e.status === 401 || e.status === 404) {
          u.stale = true;
          dropped++;
          return null;
        }
        throw e;
      }
    });
    this.users = this.users.filter((u) => !u.stale);
    for (const r of refreshed) if (r) usable.push(r);
    this.save();
    const missing = n - usable.length;
    if (missing > 0) {
      this.log(`  registering ${missing} bench users at ${this.authUrl} (BCrypt: about ${Math.ceil(missing / 15)} s; cached for later runs)`);
      const stamp = Date.now().toString(36);
      const made = await mapLimit(Array.from({ length: missing }, (_, i) => i), 4, async (i) => {
        const username = `bench_${stamp}_${i}`;
        const password = randomBytes(12).toString("base64url");
        const res = await retrying(() => request("POST", `${this.authUrl}/api/v1/auth/register`, {
          body: { username, email: `${username}@bench.dingus.test`, password, displayName: `Bench ${i}` },
        }));
        const u = { username, email: `${username}@bench.dingus.test`, password, userId: res.user.id, refreshToken: res.refreshToken };
        this.users.push(u);
        if (i % 50 === 49) this.save();
        return { ...u, token: res.accessToken || res.token, tokenAt: Date.now(), expiresIn: res.expiresIn };
      });
      this.save();
      usable.push(...made);
    }
    this.log(`  ${n} users ready in ${((Date.now() - t0) / 1000).toFixed(1)} s (${n - missing} from the cache${dropped ? `, ${dropped} stale dropped` : ""})`);
    return usable;
  }

  /** A fresh access token for one cached user (the owner of a room left behind by an earlier run). */
  async tokenFor(userId) {
    const cached = this.users.find((c) => c.userId === userId);
    if (!cached) return null;
    const res = await retrying(() => request("POST", `${this.authUrl}/api/v1/auth/refresh`, { body: { refreshToken: cached.refreshToken } }));
    cached.refreshToken = res.refreshToken;
    this.save();
    return res.accessToken || res.token;
  }

  /** New access tokens for users whose token is past half its life (long setups such as history seeding). */
  async renew(users) {
    const stale = users.filter((u) => Date.now() - u.tokenAt > (u.expiresIn || 900) * 500);
    await mapLimit(stale, 8, async (u) => {
      const cached = this.users.find((c) => c.userId === u.userId);
      const res = await retrying(() => request("POST", `${this.authUrl}/api/v1/auth/refresh`, { body: { refreshToken: cached.refreshToken } }));
      cached.refreshToken = res.refreshToken;
      u.token = res.accessToken || res.token;
      u.tokenAt = Date.now();
    });
    if (stale.length) this.save();
  }
}
