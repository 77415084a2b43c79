/**
 * Smoke: the built panel is served by a real netstage server on a fresh demo root, signs in with the
 * demo's printed credentials and lists the demo host's interfaces.
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from './support/fixtures';
import { field, ifaceRow, signIn } from './support/ui';

test('signs in with the demo credentials and lists the interfaces', async ({ page, demo }) => {
  const scripts: { url: string; encoding?: string }[] = [];
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script') scripts.push({ url: r.url(), encoding: r.headers()['content-encoding'] });
  });
  await page.goto(demo.base);
  await expect(field(page, 'User name')).toBeVisible();
  await signIn(page, demo);
  for (const name of ['eth0', 'eth1', 'eth2', 'eth3', 'vmbr0']) await expect(ifaceRow(page, name)).toBeVisible();
  // The panel's code comes compressed (the build's .br/.gz files): ~190 kB, not ~650 kB.
  expect(scripts.length).toBeGreaterThan(0);
  for (const s of scripts) expect(s.encoding, s.url).toMatch(/^(br|gzip)$/);
  // Signing in and reading the list stage nothing.
  expect(await readFile(demo.live)).toEqual(demo.liveAtStart);
  await expect(readFile(demo.staged)).rejects.toThrow(/ENOENT/);
});

test('a wrong password is refused with a visible message; empty fields are refused without a request', async ({ page, demo }) => {
  const signIns: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/v1/session') signIns.push(r.url());
  });
  await page.goto(demo.base);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(field(page, 'User name')).toHaveAccessibleDescription('Enter your user name.');
  await expect(field(page, 'Password')).toHaveAccessibleDescription('Enter your password.');
  expect(signIns, 'nothing was sent').toEqual([]);
  await field(page, 'User name').fill(demo.username);
  await field(page, 'Password').fill(`${demo.password}-wrong`);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  expect(signIns).toHaveLength(1);
  await expect(field(page, 'User name')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Network interfaces' })).toHaveCount(0);
});
