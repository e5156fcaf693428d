// Issue 6, "Done means": with the official socket.io-client through the gateway, user A mentions user B in a
// room while B is connected → B receives new_message and notification; B disconnects → A receives B's
// presence_update offline. Plus what B finds later over HTTP (stored notification, last seen).
import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import { api, describe as answer, eventually } from '../lib/http.mjs';
import { registerUser } from '../lib/users.mjs';
import { connectSocket, emitWithAck, nextEvent } from '../lib/socket.mjs';
import { needs } from '../lib/steps.mjs';

const SLOW_MS = 20000; // events travel through RabbitMQ and Redis; allow for a busy machine


describe('presence and notifications through the gateway', () => {
  /** @type {any} */ let a;
  /** @type {any} */ let b;
  /** @type {any} */ let room;
  /** @type {import('socket.io-client').Socket|undefined} */ let socketA;
  /** @type {import('socket.io-client').Socket|undefined} */ let socketB;
  /** @type {any} */ let mention;
  /** @type {any} */ let offline;

  after(() => {
    socketA?.close();
    socketB?.close();
  });

  test('A and B register; A creates a public room and B joins it', async () => {
    [a, b] = await Promise.all([registerUser('pna'), registerUser('pnb')]);
    const created = await api('POST', '/api/v1/rooms', { token: a.token, body: { name: `presence ${Date.now()}`, kind: 'public' } });
    assert.equal(created.status, 201, answer(created));
    room = created.body;
    const joined = await eventually(
      () => api('POST', `/api/v1/rooms/${room.id}/join`, { token: b.token }),
      (r) => r.status === 200,
      { withinMs: 5000 },
    );
    assert.equal(joined.status, 200, answer(joined));
  });

  test('both connect with the official client and join the room', async (t) => {
    if (!needs(t, room, 'room')) return;
    socketA = await connectSocket(a.token);
    socketB = await connectSocket(b.token);
    for (const socket of [socketA, socketB]) {
      // message-service learns the membership from room events: retry until it has
      const ack = await eventually(
        () => emitWithAck(socket, 'join_room', { roomId: room.id }).catch((e) => ({ success: false, error: String(e) })),
        (r) => r?.success === true,
        { withinMs: SLOW_MS, everyMs: 250 },
      );
      assert.equal(ack?.success, true, JSON.stringify(ack));
    }
    // presence learned that A and B share the room, and sees B online
    const presence = await eventually(
      () => api('GET', `/api/v1/presence/${b.user.id}`, { token: a.token }),
      (r) => r.status === 200 && r.body.status === 'online',
      { withinMs: SLOW_MS, everyMs: 250 },
    );
    assert.equal(presence.body.status, 'online', answer(presence));
  });

  test('A mentions B: B receives new_message and a mention notification', async (t) => {
    if (!needs(t, socketB, 'connect')) return;
    const content = `hello @${b.credentials.username}, see this`;
    const gotMessage = nextEvent(socketB, 'new_message', (m) => m.content === content, SLOW_MS);
    const gotNotification = nextEvent(socketB, 'notification', (n) => n.kind === 'mention' && n.roomId === room.id, SLOW_MS);
    const ack = await emitWithAck(socketA, 'send_message', { roomId: room.id, content, clientMsgId: `pn-${Date.now()}` });
    assert.equal(ack?.success, true, JSON.stringify(ack));

    const message = await gotMessage;
    assert.equal(message.sender_id, a.user.id);
    mention = await gotNotification;
    assert.equal(mention.actorId, a.user.id);
    assert.match(mention.title, new RegExp(`@${a.credentials.username} mentioned you`));
    assert.equal(mention.body, content);
    assert.equal(mention.readAt, null);
  });

  test('the notification is stored: B lists it unread and marks it read', async (t) => {
    if (!needs(t, mention, 'mention')) return;
    const list = await api('GET', '/api/v1/notifications?unreadOnly=true', { token: b.token });
    assert.equal(list.status, 200, answer(list));
    assert.ok(list.body.items.some((n) => n.id === mention.id), 'the live notification is in the list');
    assert.ok(list.body.unreadCount >= 1);
    const read = await api('POST', `/api/v1/notifications/${mention.id}/read`, { token: b.token });
    assert.equal(read.status, 204, answer(read));
    const none = await api('GET', '/api/v1/notifications?unreadOnly=true', { token: b.token });
    assert.ok(!none.body.items.some((n) => n.id === mention.id));
    const mine = await api('GET', '/api/v1/notifications', { token: a.token });
    assert.ok(!mine.body.items.some((n) => n.kind === 'mention' && n.roomId === room.id), 'no notification to the author');
  });

  test('B disconnects: A receives presence_update offline with last seen', async (t) => {
    if (!needs(t, socketB, 'connect')) return;
    const gotOffline = nextEvent(socketA, 'presence_update', (p) => p.userId === b.user.id && p.status === 'offline', SLOW_MS);
    const before = Date.now();
    socketB.close();
    offline = await gotOffline;
    assert.ok(offline.lastSeen, 'an offline update says when the user was last seen');
    assert.ok(Date.parse(offline.lastSeen) >= before - 5000 && Date.parse(offline.lastSeen) <= Date.now());
  });

  test('presence over HTTP agrees, and bad input gets clear 4xx', async (t) => {
    if (!needs(t, offline, 'offline')) return;
    const one = await api('GET', `/api/v1/presence/${b.user.id}`, { token: a.token });
    assert.equal(one.body.status, 'offline', answer(one));
    assert.equal(one.body.lastSeen, offline.lastSeen);
    const many = await api('POST', '/api/v1/presence/query', { token: b.token, body: { userIds: [a.user.id, b.user.id] } });
    assert.equal(many.status, 200, answer(many));
    assert.equal(many.body.items.find((p) => p.userId === a.user.id)?.status, 'online');

    const tooMany = await api('POST', '/api/v1/presence/query', {
      token: a.token,
      body: { userIds: Array.from({ length: 201 }, () => crypto.randomUUID()) },
    });
    assert.equal(tooMany.status, 400, answer(tooMany));
    assert.equal(tooMany.body.code, 'validation_failed');
    const badStatus = await api('PUT', '/api/v1/presence/me', { token: a.token, body: { status: 'busy' } });
    assert.equal(badStatus.status, 400, answer(badStatus));
    const unknown = await api('GET', `/api/v1/presence/${crypto.randomUUID()}`, { token: a.token });
    assert.equal(unknown.status, 404, answer(unknown));
    assert.equal(unknown.body.code, 'user_not_found');
    const longTitle = await api('POST', '/api/v1/notifications/system-alerts', { token: b.token, body: { title: 'x'.repeat(121), body: 'b' } });
    assert.equal(longTitle.status, 400, answer(longTitle));
  });
});
