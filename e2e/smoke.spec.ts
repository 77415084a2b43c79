/**
 * Smoke: the built panel is served by a real netstage server on a fresh demo root, signs in with the
 * demo's printed credentials and lists the demo host's interfaces.
 */
import { readFile } from 'node:fs/promises';
import type { Response } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { field, ifaceRow, signIn } from './support/ui';

test('signs in with the demo credentials and lists the interfaces; the first load is small and compressed', async ({ page, demo }) => {
  const loaded: Response[] = [];
  page.on('response', (r) => {
    if (['document', 'script', 'stylesheet'].includes(r.request().resourceType())) loaded.push(r);
  });
  await page.goto(demo.base);
  await expect(field(page, 'User name')).toBeVisible();
  // The panel's code comes compressed (the build's .br/.gz files), and stays near the brief's
  // ~220 kB: lazy views (forms, apply, history) and zod load later.
  const firstLoad = [...loaded];
  let bytes = 0;
  for (const r of firstLoad) {
    if (r.request().resourceType() !== 'document') expect(r.headers()['content-encoding'], r.url()).toMatch(/^(br|gzip)$/);
    bytes += (await r.request().sizes()).responseBodySize;
  }
  expect(bytes, `first load: ${firstLoad.map((r) => r.url()).join(', ')}`).toBeLessThan(230 * 1024);
  await signIn(page, demo);
  for (const name of ['eth0', 'eth1', 'eth2', 'eth3', 'vmbr0']) await expect(ifaceRow(page, name)).toBeVisible();
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
