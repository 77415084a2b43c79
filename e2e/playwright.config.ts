/**
 * Playwright specs of the panel (npm run test:e2e; npm test runs them after vitest).
 * Browser: Debian's Chromium (scripts/install-chromium.sh installs it when missing); Playwright's
 * own browser download is not used. Every test starts its own netstage server on a fresh demo
 * root (e2e/support/fixtures.ts), so tests are independent and can run on 2 workers.
 * Screenshots and failure traces go to e2e/artifacts/ (git-ignored).
 */
import { defineConfig, devices } from '@playwright/test';

const CHROMIUM = process.env.NETSTAGE_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: 'artifacts/test-results',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'artifacts/results.json' }]],
  use: {
    ...devices['Desktop Chrome'],
    viewport: { width: 1280, height: 800 },
    actionTimeout: 10_000,
    navigationTimeout: 20_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--headless=new', '--disable-background-networking', '--disable-dev-shm-usage', '--disable-gpu', '--no-first-run'],
    },
  },
  projects: [{ name: 'chromium' }],
});
