// Bench rooms through the gateway and room-service, as a client makes them: the first user of
// each group creates a public room, the others join it. Deleting a room at the end also makes
// message-service remove its messages (room.deleted), so runs do not pile up data.
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { request, mapLimit, retrying } from "./http.mjs";

// Rooms not yet deleted are listed in bench/.cache/rooms.json, so that a run that could not delete
// its rooms (interrupted, or the system went down) has them deleted by the next run.
function ledgerFile(cacheDir) {
  return join(cacheDir, "rooms.json");
}

function readLedger(cacheDir) {
  const f = ledgerFile(cacheDir);
  return existsSync(f) ? JSON.parse(readFileSync(f, "utf8")) : [];
}

function writeLedger(cacheDir, entries) {
  writeFileSync(ledgerFile(cacheDir), JSON.stringify(entries));
}

export function remember(cacheDir, rooms) {
  writeLedger(cacheDir, [...readLedger(cacheDir), ...rooms.map((r) => ({ id: r.id, ownerUserId: r.owner.userId }))]);
}

function forget(cacheDir, ids) {
  const gone = new Set(ids);
  writeLedger(cacheDir, readLedger(cacheDir).filter((e) => !gone.has(e.id)));
}

/** Deletes the rooms that earlier runs left behind. */
export async function deleteLeftovers(gateway, cacheDir, users, log) {
  const left = readLedger(cacheDir);
  if (!left.length) return;
  const owners = new Map();
  for (const e of left) {
    if (!owners.has(e.ownerUserId)) owners.set(e.ownerUserId, await users.tokenFor(e.ownerUserId).catch(() => null));
  }
  const rooms = left.map((e) => ({ id: e.id, owner: { userId: e.ownerUserId, token: owners.get(e.ownerUserId) } }));
  log(`  deleting ${rooms.length} bench rooms left by an earlier run`);
  await deleteRooms(gateway, rooms.filter((r) => r.owner.token), log, cacheDir);
  forget(cacheDir, rooms.filter((r) => !r.owner.token).map((r) => r.id)); // owner unknown now: nobody can delete it
}

/** Splits users into rooms of `size` (the last one may be smaller) and creates them. */
export async function createRooms(gateway, users, size, label, log, cacheDir) {
  const t0 = Date.now();
  const groups = [];
  for (let i = 0; i < users.length; i += size) groups.push(users.slice(i, i + size));
  const rooms = await mapLimit(groups, 8, async (members, i) => {
    const owner = members[0];
    const room = await retrying(() => request("POST", `${gateway}/api/v1/rooms`, {
      token: owner.token,
      body: { name: `${label} ${i}`, kind: "public", topic: "load test room (./dingus bench)" },
    }));
    for (const m of members.slice(1)) {
      await retrying(() => request("POST", `${gateway}/api/v1/rooms/${room.id}/join`, { token: m.token }));
    }
    const made = { id: room.id, owner, members };
    if (cacheDir) remember(cacheDir, [made]);
    return made;
  });
  log(`  ${rooms.length} rooms of ${size} created in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return rooms;
}

export async function deleteRooms(gateway, rooms, log, cacheDir) {
  let failed = 0;
  const deleted = [];
  await mapLimit(rooms, 8, async (r) => {
    try {
      await retrying(() => request("DELETE", `${gateway}/api/v1/rooms/${r.id}`, { token: r.owner.token }));
      deleted.push(r.id);
    } catch (e) {
      if (e.status === 404) deleted.push(r.id);
      else failed++;
    }
  });
  if (cacheDir) forget(cacheDir, deleted);
  log(`  ${rooms.length - failed} bench rooms deleted${failed ? `, ${failed} could not be (see room-service log)` : ""}`);
}
