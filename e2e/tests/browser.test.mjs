// DingusGui in a real browser (issue 7): two people, each in their own browser context, use the app
// through the gateway the way a person would — sign up, create a room, invite, chat both ways live,
// see typing, edits and deletions, reload, get a mention notification, sign out. Screenshots of the
// main screens go to e2e/artifacts/ (git-ignored).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL } from '../lib/config.mjs';
import { api, eventually } from '../lib/http.mjs';
import { uniqueCredentials, login, registerUser } from '../lib/users.mjs';
import {
  launchBrowser,
  screenshot,
  newPerson,
  signUp,
  signIn,
  openRoom,
  sendMessage,
  messageItem,
  waitForText,
  currentAccessToken,
  socketSwitch,
  LIVE_MS,
} from '../lib/browser.mjs';

/**
 * Tests that each build on the one before: once one fails, the rest are skipped rather than failed again (the
 * failure itself fails the run), and the pages named by `pages()` ([page, name] pairs) are screenshot.
 */
function stepChain(pages) {
  let broken = false;
  return (name, fn) =>
    test(name, async (t) => {
      if (broken) return t.skip('an earlier step failed');
      try {
        await fn();
      } catch (e) {
        broken = true;
        await Promise.allSettled(pages().map(([page, file]) => page && screenshot(page, file)));
        throw e;
      }
    });
}

describe('DingusGui: two people chatting in the browser', () => {
  /** @type {import('playwright-core').Browser} */ let browser;
  const ann = uniqueCredentials('ann');
  const bob = uniqueCredentials('bob');
  const roomName = `e2e-room-${Date.now().toString(36)}`;
  /** @type {import('playwright-core').Page} */ let a;
  /** @type {import('playwright-core').Page} */ let b;
  /** ann's Socket.IO connection can be cut to test the resume */
  let annNet;
  const step = stepChain(() => [[a, 'browser-failed-ann'], [b, 'browser-failed-bob']]);

  before(async () => {
    browser = await launchBrowser();
    a = await newPerson(browser);
    b = await newPerson(browser);
    annNet = await socketSwitch(a);
  });
  after(async () => {
    await browser?.close();
  });

  step('signed-out visitors are sent to the sign-in page', async () => {
    await a.goto(`${BASE_URL}/`);
    await a.waitForURL(/\/login(\?|$)/);
    await a.getByRole('heading', { name: 'Sign in' }).waitFor();
    await screenshot(a, 'browser-01-sign-in');
  });

  step('sign-up shows the server’s field errors, then both people sign up', async () => {
    await a.goto(`${BASE_URL}/signup`);
    await a.getByLabel('Username').fill('x');
    await a.getByLabel('E-mail').fill('not-an-address');
    await a.getByLabel('Password', { exact: true }).fill('short');
    await a.getByLabel('Repeat the password').fill('short');
    await a.getByRole('button', { name: 'Create account' }).click();
    await a.getByText('Please correct the marked fields.').waitFor();
    await screenshot(a, 'browser-02-sign-up-errors');

    await signUp(a, ann);
    await signUp(b, bob);
    await a.getByRole('heading', { name: `Hello, ${ann.displayName}!` }).waitFor();
    await screenshot(a, 'browser-03-home');
  });

  step('ann creates a private room and invites bob, who sees it appear', async () => {
    await a.getByTestId('new-room').click();
    await a.getByLabel('Name').fill(roomName);
    await a.getByLabel('Topic').fill('Written by the browser test');
    await a.getByText('Private', { exact: true }).click();
    await a.getByRole('button', { name: 'Create room' }).click();
    await a.waitForURL(/\/rooms\/[0-9a-f-]{36}$/);
    await a.getByTestId('room-title').filter({ hasText: roomName }).waitFor();

    await a.getByTestId('members-toggle').click();
    const panel = a.getByTestId('members-panel');
    await panel.getByLabel('Invite someone').fill(bob.username);
    await panel.getByTestId(`pick-${bob.username}`).click();
    await panel.getByTestId('member').filter({ hasText: bob.displayName }).waitFor();
    await screenshot(a, 'browser-04-room-invited');

    // the invitation reaches bob live (notification → room list), no reload
    await b.getByTestId('room-link').filter({ hasText: roomName }).waitFor({ timeout: LIVE_MS });
    await openRoom(b, roomName);
  });

  step('messages go both ways live, mine turn from pending to sent', async () => {
    await sendMessage(a, 'Hello Bob, welcome!');
    await messageItem(a, 'Hello Bob, welcome!').and(a.locator('[data-delivery="sent"]')).waitFor();
    await messageItem(b, 'Hello Bob, welcome!').waitFor({ timeout: LIVE_MS });

    await sendMessage(b, 'Hi Ann!\nGood to be here.');
    await messageItem(a, 'Good to be here.').waitFor({ timeout: LIVE_MS });
    const text = await messageItem(a, 'Good to be here.').getByTestId('message-text').innerText();
    assert.equal(text, 'Hi Ann!\nGood to be here.', 'Shift+Enter kept the line break');
  });

  step('ann sees bob typing, and that bob has seen her message', async () => {
    const composer = b.getByTestId('composer');
    await composer.click();
    await composer.pressSequentially('I am typing some', { delay: 40 });
    await waitForText(a.getByTestId('typing'), `${bob.displayName} is typing`);
    await screenshot(a, 'browser-05-typing');
    await composer.fill('');
    await a.getByTestId('seen-by').filter({ hasText: bob.displayName }).waitFor({ timeout: LIVE_MS });
  });

  step('markup in a message is shown as text, never run as HTML', async () => {
    const evil = '<img src=x onerror="window.__pwned=1"><b>bold?</b>';
    await sendMessage(a, evil);
    await messageItem(b, '<b>bold?</b>').waitFor({ timeout: LIVE_MS });
    assert.equal(await b.locator('[data-testid="message-text"] img, [data-testid="message-text"] b').count(), 0);
    assert.equal(await b.evaluate(() => window.__pwned), undefined);
  });

  step('an edit and a deletion by ann are seen by bob', async () => {
    const original = messageItem(a, 'Hello Bob, welcome!');
    await original.hover();
    await original.getByTestId('edit').click();
    const editor = a.getByTestId('edit-input');
    await editor.fill('Hello Bob, welcome to the room!');
    await editor.press('Enter');
    await messageItem(b, 'welcome to the room!').getByText('(edited)').waitFor({ timeout: LIVE_MS });

    await sendMessage(a, 'This one will be deleted');
    await messageItem(b, 'This one will be deleted').waitFor({ timeout: LIVE_MS });
    const doomed = messageItem(a, 'This one will be deleted');
    await doomed.hover();
    await doomed.getByTestId('delete').click();
    await a.getByTestId('confirm-delete').click();
    await b.getByTestId('message-deleted').first().waitFor({ timeout: LIVE_MS });
    assert.equal(await messageItem(b, 'This one will be deleted').count(), 0, 'the deleted text is gone');
    await screenshot(b, 'browser-06-edited-and-deleted');
  });

  step('after a lost connection ann sees it reconnect and gets what she missed, once', async () => {
    await annNet.goOffline();
    await waitForText(a.getByTestId('connection'), 'Reconnecting');
    await screenshot(a, 'browser-07-reconnecting');
    await sendMessage(b, 'Sent while Ann was away (1)');
    await sendMessage(b, 'Sent while Ann was away (2)');
    await messageItem(b, 'away (2)').and(b.locator('[data-delivery="sent"]')).waitFor();
    assert.equal(await messageItem(a, 'away (1)').count(), 0, 'ann is really cut off');
    annNet.goOnline();
    await messageItem(a, 'away (2)').waitFor({ timeout: LIVE_MS });
    await a.getByTestId('connection').waitFor({ state: 'detached', timeout: LIVE_MS });
    for (const text of ['away (1)', 'away (2)', 'Good to be here.']) {
      assert.equal(await messageItem(a, text).count(), 1, `"${text}" is shown exactly once`);
    }
    const seqs = await a.getByTestId('message').evaluateAll((els) => els.map((e) => Number(e.dataset.seq)));
    assert.deepEqual(seqs, [...seqs].sort((x, y) => x - y), 'messages stay in seq order');
    assert.equal(new Set(seqs).size, seqs.length, 'no seq twice');
  });

  step('a reload keeps bob signed in and shows the history', async () => {
    await b.reload();
    await b.getByTestId('room-title').filter({ hasText: roomName }).waitFor();
    await messageItem(b, 'welcome to the room!').waitFor();
    await messageItem(b, 'Good to be here.').waitFor();
    await b.getByTestId('message-deleted').first().waitFor();
    assert.match(new URL(b.url()).pathname, /^\/rooms\//);
  });

  step('a mention of bob raises a notification for him', async () => {
    // bob looks at the room list, so the mention arrives while he is elsewhere in the app
    await b.goto(`${BASE_URL}/`);
    await b.getByRole('heading', { name: /Hello/ }).waitFor();
    await b.getByTestId('notifications-button').click();
    await sendMessage(a, `@${bob.username} can you have a look?`);
    await messageItem(a, 'can you have a look?').locator('.mention').waitFor();
    // it arrives live in the open panel, unread, and the bell shows a count
    const note = b.getByTestId('notification').filter({ hasText: /mention/i }).filter({ hasText: roomName }).first();
    await note.waitFor({ timeout: LIVE_MS });
    await b.getByTestId('notifications-badge').waitFor();
    await screenshot(b, 'browser-08-notification');
    await note.click();
    await b.waitForURL(/\/rooms\//);
    await messageItem(b, 'can you have a look?').locator('.mention.me').waitFor();
    await screenshot(b, 'browser-09-mention-highlighted');
  });

  step('the app is usable on a phone-sized screen', async () => {
    await a.setViewportSize({ width: 390, height: 844 });
    await a.goto(`${BASE_URL}/`);
    await a.getByTestId('room-link').filter({ hasText: roomName }).click();
    await a.getByTestId('composer').waitFor();
    await screenshot(a, 'browser-10-phone-room');
    await a.getByRole('link', { name: 'Back to rooms' }).click();
    await a.getByTestId('room-link').first().waitFor();
    await screenshot(a, 'browser-11-phone-list');
  });

  step('signing out ends the session, and bob signs in again with his e-mail', async () => {
    const token = await currentAccessToken(b);
    assert.equal((await api('GET', '/api/v1/auth/me', { token })).status, 200);
    await b.getByTestId('sign-out').click();
    await b.waitForURL(/\/login(\?|$)/);
    await b.goto(`${BASE_URL}/`);
    await b.waitForURL(/\/login(\?|$)/);
    const after = await eventually(
      () => api('GET', '/api/v1/auth/me', { token }),
      (res) => res.status === 401,
      { withinMs: 3000 },
    );
    assert.equal(after.status, 401, 'the signed-out session’s access token is refused');

    await signIn(b, bob.email, bob.password);
    await b.getByRole('heading', { name: `Hello, ${bob.displayName}!` }).waitFor();
    assert.equal((await login(bob.username, bob.password)).status, 200);
  });
});

describe('DingusGui: discovering, managing rooms, direct messages, long histories', () => {
  /** @type {import('playwright-core').Browser} */ let browser;
  /** @type {import('playwright-core').Page} */ let carol;
  /** @type {import('playwright-core').Page} */ let dave;
  let c; // carol's API identity (registered over HTTP; the browser signs in with it)
  let d;
  const roomName = `e2e-public-${Date.now().toString(36)}`;
  let roomId;
  const step = stepChain(() => [[carol, 'browser-manage-failed-carol'], [dave, 'browser-manage-failed-dave']]);

  before(async () => {
    c = await registerUser('carol');
    d = await registerUser('dave');
    browser = await launchBrowser();
    carol = await newPerson(browser);
    dave = await newPerson(browser);
    await signIn(carol, c.credentials.username, c.credentials.password);
    await signIn(dave, d.credentials.email, d.credentials.password);
  });
  after(async () => {
    await browser?.close();
  });

  step('a public room is found on the discover page and joined', async () => {
    await carol.getByTestId('new-room').click();
    await carol.getByLabel('Name').fill(roomName);
    await carol.getByRole('button', { name: 'Create room' }).click();
    await carol.waitForURL(/\/rooms\/[0-9a-f-]{36}$/);
    roomId = new URL(carol.url()).pathname.split('/').pop();

    await dave.getByRole('link', { name: 'Discover', exact: true }).click();
    await dave.getByLabel('Search rooms').fill(roomName);
    // The page first lists every public room; once the search has answered, only this one is left. Clicking
    // before that can land where the button was in the longer list, just as the list shrinks.
    await dave.getByText(/^1 room$/).waitFor();
    const hit = dave.getByRole('listitem').filter({ hasText: roomName });
    await hit.waitFor();
    await screenshot(dave, 'browser-12-discover');
    await hit.getByRole('button', { name: /^Join/ }).click();
    await dave.waitForURL(`**/rooms/${roomId}`);
    await dave.getByTestId('composer').waitFor();
    await dave.getByTestId('room-link').filter({ hasText: roomName }).waitFor();
  });

  step('older history loads when scrolling up', async () => {
    // 70 messages over HTTP (below the send rate limit), more than the first page of 50
    for (let i = 1; i <= 70; i++) {
      const res = await api('POST', `/api/v1/rooms/${roomId}/messages`, {
        token: c.token,
        body: { content: `history line #${i}.`, clientMsgId: `hist-${i}` },
      });
      assert.ok(res.status === 201 || res.status === 200, `message ${i}: ${res.status}`);
      if (i % 15 === 0) await new Promise((r) => setTimeout(r, 1000));
    }
    await dave.reload();
    await messageItem(dave, 'history line #70.').waitFor();
    assert.equal(await messageItem(dave, 'history line #1.').count(), 0, 'only the latest page at first');
    const list = dave.getByTestId('messages');
    for (let i = 0; i < 10 && (await messageItem(dave, 'history line #1.').count()) === 0; i++) {
      await list.evaluate((el) => el.scrollTo(0, 0));
      await dave.waitForTimeout(400);
    }
    await messageItem(dave, 'history line #1.').waitFor();
    await dave.getByText('This is the beginning of the conversation.').waitFor();
    assert.equal(await messageItem(dave, 'history line #1.').count(), 1);
    assert.equal(await messageItem(dave, 'history line #50.').count(), 1);
  });

  step('a message is found by its words and opens its room', async () => {
    await dave.getByRole('link', { name: 'Search', exact: true }).click();
    await dave.getByLabel('Search messages').fill('history 42');
    await dave.getByRole('button', { name: 'Search', exact: true }).click();
    const hits = dave.getByTestId('search-hit-text');
    await hits.first().waitFor();
    assert.deepEqual(await hits.allTextContents(), ['history line #42.']);
    await screenshot(dave, 'browser-12b-search');
    // only excluded words: a clear error, not an empty or endless search
    await dave.getByLabel('Search messages').fill('-history');
    await dave.getByRole('button', { name: 'Search', exact: true }).click();
    await dave.getByRole('alert').filter({ hasText: 'at least one word' }).waitFor();
    await dave.getByLabel('Search messages').fill('history 42');
    await dave.getByRole('button', { name: 'Search', exact: true }).click();
    await hits.first().click();
    await dave.waitForURL(`**/rooms/${roomId}`);
  });

  step('the owner makes a member admin, then removes him', async () => {
    await carol.goto(`${BASE_URL}/rooms/${roomId}/settings`);
    const role = carol.getByLabel(`Role of ${d.credentials.displayName}`);
    await role.selectOption('admin');
    await carol.getByText(`${d.credentials.displayName} is now an admin.`).waitFor();
    await screenshot(carol, 'browser-13-settings');
    const members = await api('GET', `/api/v1/rooms/${roomId}/members`, { token: c.token });
    assert.equal(members.body.items.find((m) => m.userId === d.user.id)?.role, 'admin');

    await carol.getByRole('button', { name: `Remove ${d.credentials.displayName}` }).click();
    await carol.getByText(`${d.credentials.displayName} was removed.`).waitFor();
    // dave, looking at the room, is told at once and the room leaves his list
    await dave.getByText('An admin removed you from this room.').waitFor({ timeout: LIVE_MS });
    await eventuallyGone(dave.getByTestId('room-link').filter({ hasText: roomName }));
  });

  step('a direct message starts from the people search, with @ completion', async () => {
    await dave.goto(`${BASE_URL}/people`);
    await dave.getByLabel('Search people').fill(c.credentials.username);
    await dave.getByTestId(`pick-${c.credentials.username}`).click();
    await dave.waitForURL(/\/rooms\//);
    await dave.getByTestId('room-title').filter({ hasText: c.credentials.displayName }).waitFor();
    const composer = dave.getByTestId('composer');
    await composer.pressSequentially(`Hello @${c.credentials.username.slice(0, 4)}`);
    const option = dave.getByRole('option', { name: new RegExp(c.credentials.displayName) });
    await option.waitFor();
    await screenshot(dave, 'browser-14-mention-completion');
    await composer.press('Enter'); // picks the highlighted name
    assert.equal(await composer.inputValue(), `Hello @${c.credentials.username} `);
    await composer.pressSequentially('are you there?');
    await composer.press('Enter');
    await messageItem(dave, 'are you there?').and(dave.locator('[data-delivery="sent"]')).waitFor();

    // carol gets the DM live: it appears in her list, with the message
    await carol.goto(`${BASE_URL}/`);
    const dm = carol.getByTestId('room-link').filter({ hasText: d.credentials.displayName });
    await dm.waitFor({ timeout: LIVE_MS });
    await dm.click();
    await messageItem(carol, 'are you there?').locator('.mention.me').waitFor();
  });

  step('the owner deletes the room', async () => {
    await carol.goto(`${BASE_URL}/rooms/${roomId}/settings`);
    await carol.getByTestId('delete-room').click();
    await carol.getByTestId('confirm-delete-room').click();
    await carol.waitForURL(`${BASE_URL}/`);
    await eventuallyGone(carol.getByTestId('room-link').filter({ hasText: roomName }));
    const gone = await api('GET', `/api/v1/rooms/${roomId}`, { token: c.token });
    assert.equal(gone.status, 404);
  });

  step('a password change in another browser signs this one out', async () => {
    const other = await newPerson(browser);
    try {
      await signIn(other, d.credentials.username, d.credentials.password);
      await other.goto(`${BASE_URL}/profile`);
      await other.getByLabel('Current password').fill(d.credentials.password);
      await other.getByLabel('New password', { exact: true }).fill(`${d.credentials.password}-2`);
      await other.getByLabel('Repeat the new password').fill(`${d.credentials.password}-2`);
      await other.getByRole('button', { name: 'Change password' }).click();
      await other.getByText('Password changed.').waitFor();
      // dave's first browser: its session was revoked, the socket is refused, the page signs out
      await dave.waitForURL(/\/login(\?|$)/, { timeout: LIVE_MS });
      await screenshot(dave, 'browser-15-signed-out-elsewhere');
      // the browser that changed the password stays signed in
      await other.reload();
      await other.getByTestId('sign-out').waitFor();
    } finally {
      await other.context().close();
    }
  });
});

/** Waits until nothing matches the locator any more. */
async function eventuallyGone(locator, timeout = LIVE_MS) {
  await locator.first().waitFor({ state: 'detached', timeout });
  assert.equal(await locator.count(), 0);
}
