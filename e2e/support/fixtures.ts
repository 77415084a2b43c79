/**
 * The specs' `test`: a `demo` fixture that starts a real netstage server on a fresh demo root for
 * each test and stops it (and deletes the root) afterwards. On failure the server's output and the
 * staged file are attached to the report. Every test also fails on an uncaught script error in the
 * page (a crash the panel's own error display might hide, or a blank page).
 */
import { test as base, expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { startDemoServer, type DemoServer } from './server';

export { expect };

export const test = base.extend<{ demo: DemoServer; pageErrors: string[] }>({
  pageErrors: [
    // Takes `demo` so that it ends before the server stops: a page still polling a stopped server
    // may fail to load a lazy chunk, which is not the test's doing.
    async ({ page, demo: _demo }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(`${e.name}: ${e.message}`));
      await use(errors);
      expect(errors, 'uncaught script errors in the page').toEqual([]);
    },
    { auto: true },
  ],
  demo: async ({}, use, testInfo) => {
    const demo = await startDemoServer();
    try {
      await use(demo);
    } finally {
      if (testInfo.status !== testInfo.expectedStatus) {
        await testInfo.attach('server output', { body: demo.output(), contentType: 'text/plain' });
        const staged = await readFile(demo.staged, 'utf8').catch(() => '(no interfaces.new)');
        await testInfo.attach('interfaces.new', { body: staged, contentType: 'text/plain' });
      }
      await demo.dispose();
    }
  },
});
