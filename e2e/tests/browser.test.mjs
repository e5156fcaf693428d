// Issue 2 in a real browser: a new user signs up and signs in through http://localhost:8080,
// the way a person would (the machine's Chromium, driven by playwright-core).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL } from '../lib/config.mjs';
import { launchBrowser, screenshot } from '../lib/browser.mjs';
import { uniqueCredentials, login } from '../lib/users.mjs';

describe('sign-up and sign-in in the browser', () => {
  /** @type {import('playwright-core').Browser} */ let browser;
  const person = uniqueCredentials('web');

  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test('a new user signs up and lands in the app', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${BASE_URL}/signup`, { waitUntil: 'networkidle' });
      await page.getByLabel('Username').fill(person.username);
      await page.getByLabel('E-mail').fill(person.email);
      await page.getByLabel('Display name').fill(person.displayName);
      await page.getByLabel('Password', { exact: true }).fill(person.password);
      await page.getByLabel('Repeat the password').fill(person.password);
      await page.getByRole('button', { name: 'Create account' }).click();
      await page.waitForURL((url) => !/\/(signup|login)$/.test(url.pathname), { timeout: 20000 });
      await page.waitForLoadState('networkidle');
      await screenshot(page, 'signed-up');
    } catch (e) {
      await screenshot(page, 'signup-failed');
      throw e;
    } finally {
      await page.close();
    }
    const res = await login(person.username, person.password);
    assert.equal(res.status, 200, 'the account made in the browser logs in over the API');
  });

  test('the user signs in with the e-mail address in a fresh browser session', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await page.goto(`${BASE_URL}/`, { waitUntil: 'networkidle' });
      assert.match(new URL(page.url()).pathname, /\/login$/, 'signed-out visitors are sent to the login page');
      await page.getByLabel('Username or e-mail').fill(person.email);
      await page.getByLabel('Password').fill(person.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((url) => !/\/login$/.test(url.pathname), { timeout: 20000 });
      await page.waitForLoadState('networkidle');
      await screenshot(page, 'signed-in');
      assert.doesNotMatch(new URL(page.url()).pathname, /\/(login|signup)$/);
    } catch (e) {
      await screenshot(page, 'signin-failed');
      throw e;
    } finally {
      await context.close();
    }
  });
});
