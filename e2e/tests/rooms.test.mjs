// Issue 3, "Done means": two users, one creates a private room and invites the other, who sees it in
// their list, is promoted, and leaves; a third user cannot see it. Plus the DM and discovery paths,
// all through the gateway exactly as docs/api.md describes the room-service endpoints.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { api, describe as answer, eventually } from '../lib/http.mjs';
import { registerUser } from '../lib/users.mjs';
import { needs } from '../lib/steps.mjs';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function assertProblem(res, status, code) {
  assert.equal(res.status, status, answer(res));
  assert.match(res.contentType, /^application\/problem\+json/, `problem+json expected, got ${res.contentType}`);
  assert.equal(res.body.code, code, answer(res));
}


/**
 * room-service learns new users from auth-service's user.registered event, or asks auth-service when it
 * has not heard of one yet; either way an invite of a just-registered user succeeds within moments.
 */
const inviteSoon = (roomId, token, userId) =>
  eventually(
    () => api('POST', `/api/v1/rooms/${roomId}/members`, { token, body: { userId } }),
    (r) => !(r.status === 404 && r.body?.code === 'user_not_found'),
    { withinMs: 5000 },
  );

const myRooms = (token) => api('GET', '/api/v1/rooms', { token });

describe('rooms through the gateway', () => {
  /** @type {any} */ let owner;
  /** @type {any} */ let guest;
  /** @type {any} */ let outsider;
  /** @type {any} */ let room;
  /** @type {boolean|undefined} */ let invited;
  /** @type {boolean|undefined} */ let promoted;

  test('three users register', async () => {
    [owner, guest, outsider] = await Promise.all([registerUser('room'), registerUser('room'), registerUser('room')]);
  });

  test('the owner creates a private room and owns it', async (t) => {
    if (!needs(t, owner, 'register')) return;
    const res = await api('POST', '/api/v1/rooms', {
      token: owner.token,
      body: { name: '  Team room  ', topic: 'plans', kind: 'private' },
    });
    assert.equal(res.status, 201, answer(res));
    room = res.body;
    assert.match(room.id, UUID);
    assert.equal(room.name, 'Team room', 'the name is trimmed');
    assert.equal(room.kind, 'private');
    assert.equal(room.postPolicy, 'everyone');
    assert.equal(room.ownerId, owner.user.id);
    assert.equal(room.myRole, 'owner');
    assert.equal(room.memberCount, 1);
  });

  test('the owner invites the guest, who then sees the room in their list', async (t) => {
    if (!needs(t, room, 'create')) return;
    const res = await inviteSoon(room.id, owner.token, guest.user.id);
    assert.equal(res.status, 201, answer(res));
    assert.equal(res.body.userId, guest.user.id);
    assert.equal(res.body.role, 'member');
    invited = true;

    const list = await myRooms(guest.token);
    assert.equal(list.status, 200, answer(list));
    const seen = list.body.items.find((r) => r.id === room.id);
    assert.ok(seen, 'the invited room is in the guest\'s list');
    assert.equal(seen.myRole, 'member');
    assert.equal(seen.memberCount, 2);
    assert.equal(seen.kind, 'private');
  });

  test('a third user cannot see the private room at all', async (t) => {
    if (!needs(t, room, 'create')) return;
    assertProblem(await api('GET', `/api/v1/rooms/${room.id}`, { token: outsider.token }), 404, 'room_not_found');
    assertProblem(await api('GET', `/api/v1/rooms/${room.id}/members`, { token: outsider.token }), 404, 'room_not_found');
    assertProblem(await api('POST', `/api/v1/rooms/${room.id}/join`, { token: outsider.token }), 404, 'room_not_found');
    const list = await myRooms(outsider.token);
    assert.equal(list.status, 200, answer(list));
    assert.ok(!list.body.items.some((r) => r.id === room.id), 'not in the outsider\'s list');
    const found = await api('GET', '/api/v1/rooms/discover?q=Team%20room&size=100', { token: outsider.token });
    assert.equal(found.status, 200, answer(found));
    assert.ok(!found.body.items.some((r) => r.id === room.id), 'private rooms are not discoverable');
  });

  test('a member may not change the room; the owner promotes the guest to admin', async (t) => {
    if (!needs(t, invited, 'invite')) return;
    assertProblem(
      await api('PATCH', `/api/v1/rooms/${room.id}`, { token: guest.token, body: { topic: 'mine now' } }),
      403,
      'forbidden',
    );
    const res = await api('PUT', `/api/v1/rooms/${room.id}/members/${guest.user.id}/role`, {
      token: owner.token,
      body: { role: 'admin' },
    });
    assert.equal(res.status, 200, answer(res));
    assert.equal(res.body.role, 'admin');
    promoted = true;

    const members = await api('GET', `/api/v1/rooms/${room.id}/members`, { token: guest.token });
    assert.equal(members.status, 200, answer(members));
    assert.equal(members.body.total, 2);
    assert.deepEqual(
      members.body.items.map((m) => [m.userId, m.role]),
      [
        [owner.user.id, 'owner'],
        [guest.user.id, 'admin'],
      ],
    );
    const asAdmin = await api('PATCH', `/api/v1/rooms/${room.id}`, { token: guest.token, body: { topic: 'admin edit' } });
    assert.equal(asAdmin.status, 200, answer(asAdmin));
    assert.equal(asAdmin.body.topic, 'admin edit');
  });

  test('the guest leaves and the room disappears from their view', async (t) => {
    if (!needs(t, promoted, 'promote')) return;
    const res = await api('POST', `/api/v1/rooms/${room.id}/leave`, { token: guest.token });
    assert.equal(res.status, 204, answer(res));
    assertProblem(await api('GET', `/api/v1/rooms/${room.id}`, { token: guest.token }), 404, 'room_not_found');
    const list = await myRooms(guest.token);
    assert.ok(!list.body.items.some((r) => r.id === room.id), 'gone from the guest\'s list');
    const own = await api('GET', `/api/v1/rooms/${room.id}`, { token: owner.token });
    assert.equal(own.status, 200, answer(own));
    assert.equal(own.body.memberCount, 1);
  });

  test('the DM of two users is the same room from either side', async (t) => {
    if (!needs(t, outsider, 'register')) return;
    const first = await eventually(
      () => api('POST', '/api/v1/dms', { token: owner.token, body: { userId: outsider.user.id } }),
      (r) => !(r.status === 404 && r.body?.code === 'user_not_found'),
      { withinMs: 5000 },
    );
    assert.equal(first.status, 201, answer(first));
    assert.equal(first.body.kind, 'dm');
    assert.equal(first.body.otherUserId, outsider.user.id);
    const back = await api('POST', '/api/v1/dms', { token: outsider.token, body: { userId: owner.user.id } });
    assert.equal(back.status, 200, answer(back));
    assert.equal(back.body.id, first.body.id);
    const dms = await api('GET', '/api/v1/dms', { token: outsider.token });
    assert.equal(dms.status, 200, answer(dms));
    assert.deepEqual(
      dms.body.items.map((d) => [d.room.id, d.otherUserId]),
      [[first.body.id, owner.user.id]],
    );
  });

  test('a public room is discoverable and joinable by anyone; the owner deletes it', async (t) => {
    if (!needs(t, outsider, 'register')) return;
    const name = `Open ${Date.now().toString(36)}`;
    const created = await api('POST', '/api/v1/rooms', { token: owner.token, body: { name, kind: 'public' } });
    assert.equal(created.status, 201, answer(created));
    const found = await api('GET', `/api/v1/rooms/discover?q=${encodeURIComponent(name)}`, { token: outsider.token });
    assert.equal(found.status, 200, answer(found));
    assert.deepEqual(found.body.items.map((r) => r.id), [created.body.id]);
    assert.equal(found.body.total, 1);
    const joined = await api('POST', `/api/v1/rooms/${created.body.id}/join`, { token: outsider.token });
    assert.equal(joined.status, 200, answer(joined));
    assert.equal(joined.body.myRole, 'member');
    assertProblem(await api('DELETE', `/api/v1/rooms/${created.body.id}`, { token: outsider.token }), 403, 'forbidden');
    const deleted = await api('DELETE', `/api/v1/rooms/${created.body.id}`, { token: owner.token });
    assert.equal(deleted.status, 204, answer(deleted));
    assertProblem(await api('GET', `/api/v1/rooms/${created.body.id}`, { token: outsider.token }), 404, 'room_not_found');
  });

  test('bad input is a 4xx problem with a stable code', async (t) => {
    if (!needs(t, owner, 'register')) return;
    const tooLong = await api('POST', '/api/v1/rooms', { token: owner.token, body: { name: 'x'.repeat(81), kind: 'public' } });
    assertProblem(tooLong, 400, 'validation_failed');
    assert.ok(tooLong.body.errors.some((e) => e.field === 'name'), answer(tooLong));
    assertProblem(await api('POST', '/api/v1/rooms', { token: owner.token, rawBody: '{"name":' }), 400, 'malformed_json');
    assertProblem(await api('GET', '/api/v1/rooms', {}), 401, 'unauthorized');
  });
});
