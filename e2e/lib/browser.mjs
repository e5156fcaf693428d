import { mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { BASE_URL } from './config.mjs';

export const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), '..', 'artifacts');

/**
 * How long something pushed by the server (a message, a notification) may take to show up before
 * the test calls it lost. Generous: it detects hangs on a busy 2-core machine, it measures nothing.
 */
export const LIVE_MS = Number(process.env.DINGUS_E2E_LIVE_MS ?? 30000);

/** Default wait for any element or navigation (same spirit: hang detection only). */
const STEP_MS = Number(process.env.DINGUS_E2E_STEP_MS ?? 30000);

// The machine's Chromium (Debian package `chromium`); Playwright never downloads a browser here.
// The flags keep it from reaching out to the network, which is closed on these machines.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A headless Chromium; close it with browser.close(). Each launch uses a fresh empty profile. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.DINGUS_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/** Saves a full-page PNG under e2e/artifacts/ and returns its path. */
export async function screenshot(page, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name.replace(/[^a-zA-Z0-9_-]+/g, '-')}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * A page in a browser context of its own (own cookies: one person), desktop sized. Uncaught page
 * errors are collected on `page.errors` so a test can show them when it fails.
 */
export async function newPerson(browser, viewport = { width: 1280, height: 800 }) {
  const context = await browser.newContext({ viewport });
  context.setDefaultTimeout(STEP_MS);
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) page.errors.push(m.text());
  });
  return page;
}

/**
 * After a sign-up or sign-in form was sent: 'in' once the app shows, 'refused' when the form shows
 * an error. A page that does neither fails with what it shows, its errors and a screenshot.
 */
async function formOutcome(page, who) {
  return Promise.race([
    page.getByTestId('sign-out').waitFor({ timeout: STEP_MS }).then(() => 'in'),
    page.getByRole('alert').waitFor({ timeout: STEP_MS }).then(() => 'refused'),
  ]).catch(async () => {
    const body = (await page.locator('body').innerText().catch(() => '')).replace(/\s+/g, ' ').slice(0, 300);
    await screenshot(page, `stuck-${who}`);
    throw new Error(
      `${who}: no answer within ${STEP_MS} ms at ${page.url()}: "${body}"` +
        (page.errors?.length ? `; page errors: ${page.errors.join(' | ')}` : ''),
    );
  });
}

/** Fills and sends the sign-up form; resolves once the app shows. */
export async function signUp(page, person) {
  await page.goto(`${BASE_URL}/signup`);
  await page.getByLabel('Username').fill(person.username);
  await page.getByLabel('E-mail').fill(person.email);
  await page.getByLabel('Display name').fill(person.displayName);
  await page.getByLabel('Password', { exact: true }).fill(person.password);
  await page.getByLabel('Repeat the password').fill(person.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  if ((await formOutcome(page, `sign-up of ${person.username}`)) !== 'in') {
    throw new Error(`sign-up of ${person.username} refused: ${await page.getByRole('alert').first().innerText()}`);
  }
}

/**
 * Signs in with a username or e-mail; resolves once the app shows. When sign-in is throttled
 * (429 `rate_limited`: every test signs in from this one machine) it waits the time the page
 * names, as a person would, and tries again; any other refusal fails with the page's message.
 */
export async function signIn(page, loginName, password, attempts = 3) {
  for (let attempt = 1; ; attempt++) {
    await page.goto(`${BASE_URL}/login`);
    await page.getByLabel('Username or e-mail').fill(loginName);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    if ((await formOutcome(page, `sign-in of ${loginName}`)) === 'in') return;
    const text = await page.getByRole('alert').first().innerText();
    const wait = /try again in (\d+) s/i.exec(text);
    if (!wait || attempt >= attempts || Number(wait[1]) > 90) {
      throw new Error(`sign-in of ${loginName} refused: ${text}`);
    }
    await page.waitForTimeout(Number(wait[1]) * 1000 + 500);
  }
}

/** Opens a room from the sidebar by its name. */
export async function openRoom(page, name) {
  await page.getByTestId('room-link').filter({ hasText: name }).click();
  await page.getByTestId('room-title').filter({ hasText: name }).waitFor();
  await page.getByTestId('composer').waitFor();
}

/** Types a message (lines joined with Shift+Enter) and sends it with Enter. */
export async function sendMessage(page, text) {
  const composer = page.getByTestId('composer');
  await composer.click();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (i > 0) await composer.press('Shift+Enter');
    await composer.pressSequentially(lines[i]);
  }
  await composer.press('Enter');
}

/** The message of the open room whose text contains `text`. */
export function messageItem(page, text) {
  return page.getByTestId('message').filter({ hasText: text });
}

/** Waits until an element's text contains `text`. */
export async function waitForText(locator, text, timeout = LIVE_MS) {
  const deadline = Date.now() + timeout;
  let last = '';
  while (Date.now() < deadline) {
    last = (await locator.innerText().catch(() => '')) ?? '';
    if (last.includes(text)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`expected "${text}" within ${timeout} ms; last seen: "${last}"`);
}

/** The access token the page currently holds (the app's own session endpoint). */
export async function currentAccessToken(page) {
  const body = await page.evaluate(() => fetch('/session/token').then((r) => r.json()));
  if (!body?.accessToken) throw new Error('the page has no access token');
  return body.accessToken;
}

/**
 * Cuts and restores a page's Socket.IO connection, as a dropped network would: while "offline"
 * open WebSockets are closed and new WebSocket or long-polling attempts fail. The rest of the page
 * (HTTP API calls) keeps working. Install before the page connects.
 */
export async function socketSwitch(page) {
  let offline = false;
  const open = new Set();
  await page.route(/\/socket\.io\//, (route) => (offline ? route.abort('internetdisconnected') : route.continue()));
  await page.routeWebSocket(/\/socket\.io\//, (ws) => {
    if (offline) return ws.close({ code: 1001, reason: 'offline' });
    const server = ws.connectToServer();
    const pair = { ws, server };
    open.add(pair);
    ws.onClose(() => {
      open.delete(pair);
      server.close();
    });
    server.onClose(() => {
      open.delete(pair);
      ws.close();
    });
  });
  return {
    async goOffline() {
      offline = true;
      for (const { ws, server } of [...open]) {
        await ws.close({ code: 1001, reason: 'offline' });
        await server.close();
      }
      open.clear();
    },
    goOnline() {
      offline = false;
    },
  };
}
