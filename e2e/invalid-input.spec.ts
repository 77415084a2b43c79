/**
 * Invalid input is refused in the browser, with a visible message, before any request is sent;
 * the same bodies sent straight to the API (the session's cookie, CSRF token and If-Match, as the
 * panel sends them) get 400. Cases: VLAN tag 5000, IPv4 10.0.0.300/24, a second default IPv4
 * gateway (the demo's vmbr0 has one; a new bridge with a gateway), a comment containing '%'.
 * The whole-file problems (a second gateway, a name that exists) are found by the engine in the
 * browser on the file text; when that text cannot be had, the server's answer lands on the field.
 */
import { readFile } from 'node:fs/promises';
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { bridgeFormDefaults } from '../src/schema/bridge';
import { vlanFormDefaults } from '../src/schema/vlan';
import { expect, test } from './support/fixtures';
import type { DemoServer } from './support/server';
import { chooseOrType, field, openCreate, recordWrites, signIn, submit, type } from './support/ui';

interface Case {
  title: string;
  /** Fill the form (opened by `open`). */
  open: (page: Page) => Promise<Locator>;
  fill: (dialog: Locator) => Promise<void>;
  /** The field the message is on (marked invalid, the message linked to it). */
  field: string;
  /** The visible message (in the form) that says what is wrong. */
  message: RegExp;
  /** The request the form would send. */
  body: unknown;
  /** What the API's 400 must mention (code, message or a field path). */
  apiSays: RegExp;
}

const bridge = (form: Partial<typeof bridgeFormDefaults>) => ({ kind: 'bridge', form: { ...bridgeFormDefaults, name: 'vmbr1', ...form } });

const CASES: Case[] = [
  {
    title: 'VLAN tag 5000',
    open: (page) => openCreate(page, 'Linux VLAN'),
    fill: async (dialog) => {
      await type(dialog, 'Name', 'storage');
      await chooseOrType(dialog, 'VLAN raw device', 'eth1');
      await type(dialog, 'VLAN tag', '5000');
    },
    field: 'VLAN tag',
    message: /4094/,
    body: { kind: 'vlan', form: { ...vlanFormDefaults, name: 'storage', rawDevice: 'eth1', id: 5000 } },
    apiSays: /form\.id|4094/,
  },
  {
    title: 'IPv4 10.0.0.300/24',
    open: (page) => openCreate(page, 'Linux Bridge'),
    fill: async (dialog) => {
      await type(dialog, 'Name', 'vmbr1');
      await type(dialog, 'IPv4/CIDR', '10.0.0.300/24');
    },
    field: 'IPv4/CIDR',
    message: /Not a valid IPv4 address|0-255/,
    body: bridge({ ipv4: { cidr: '10.0.0.300/24', gateway: '' } }),
    apiSays: /form\.ipv4\.cidr|Not a valid IPv4/,
  },
  {
    title: 'a second default IPv4 gateway',
    open: (page) => openCreate(page, 'Linux Bridge'),
    fill: async (dialog) => {
      await type(dialog, 'Name', 'vmbr1');
      await type(dialog, 'IPv4/CIDR', '10.0.1.2/24');
      await type(dialog, 'Gateway (IPv4)', '10.0.1.1');
    },
    field: 'Gateway (IPv4)',
    message: /gateway/i,
    body: bridge({ ipv4: { cidr: '10.0.1.2/24', gateway: '10.0.1.1' } }),
    apiSays: /gateway/i,
  },
  {
    title: "a comment with '%'",
    open: (page) => openCreate(page, 'Linux Bridge'),
    fill: async (dialog) => {
      await type(dialog, 'Name', 'vmbr1');
      await type(dialog, 'Comment', '100% of the uplink');
    },
    field: 'Comment',
    message: /%/,
    body: bridge({ comment: '100% of the uplink' }),
    apiSays: /form\.comment|%/,
  },
];

/** POST /api/v1/network as the signed-in panel would: session cookie (the context's), CSRF token, If-Match. */
async function postAsPanel(request: APIRequestContext, demo: DemoServer, body: unknown) {
  const session = await request.get(`${demo.base}/api/v1/session`);
  expect(session.status(), 'GET /session with the page\'s cookie').toBe(200);
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const network = await request.get(`${demo.base}/api/v1/network`);
  const { digest } = (await network.json()) as { digest: string };
  return request.post(`${demo.base}/api/v1/network`, {
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken, 'if-match': `"${digest}"` },
    data: JSON.stringify(body),
  });
}

for (const c of CASES) {
  test(`${c.title}: refused in the browser without a request, and 400 from the API`, async ({ page, demo }) => {
    await signIn(page, demo);
    const writes = recordWrites(page);
    const dialog = await c.open(page);
    await c.fill(dialog);

    // Try to submit: click Create and press Enter in the Name field. The click is forced (no
    // waiting for the button to be enabled): on a disabled button it does nothing, and one still
    // enabled while the whole-file check's debounce runs submits, which runs the check itself.
    const create = dialog.getByRole('button', { name: 'Create', exact: true });
    await create.click({ force: true });
    await field(dialog, 'Name').press('Enter');

    // The browser refuses: the field is marked invalid with a visible message saying why, the
    // form stays open, Create stays disabled, and no request went out. (Soft, so the API half
    // below still runs and reports when the browser half fails.)
    await expect.soft(dialog.getByText(c.message).first(), 'a visible message').toBeVisible();
    await expect.soft(field(dialog, c.field), `"${c.field}" is marked invalid`).toHaveAttribute('aria-invalid', 'true');
    await expect.soft(field(dialog, c.field), `"${c.field}" describes the problem`).toHaveAccessibleDescription(c.message);
    await expect.soft(create, 'Create is disabled').toBeDisabled();
    await expect(dialog).toBeVisible();
    expect.soft(writes.map((r) => `${r.method()} ${new URL(r.url()).pathname}`), 'no write request was sent').toEqual([]);

    // The API refuses the same body.
    const res = await postAsPanel(page.request, demo, c.body);
    const text = await res.text();
    expect(res.status(), text).toBe(400);
    expect(text).toMatch(c.apiSays);
    // Nothing was staged, the live file is as it was.
    await expect(readFile(demo.staged)).rejects.toThrow(/ENOENT/);
    expect(await readFile(demo.live)).toEqual(demo.liveAtStart);
  });
}

test('a valid body with the same session is accepted (the API check above is not refusing everything)', async ({ page, demo }) => {
  await signIn(page, demo);
  const res = await postAsPanel(page.request, demo, bridge({ ipv4: { cidr: '10.0.1.2/24', gateway: '' } }));
  expect(res.status(), await res.text()).toBe(201);
});

test('a name that exists is refused in the browser, on the Name field, without a request', async ({ page, demo }) => {
  await signIn(page, demo);
  const writes = recordWrites(page);
  const dialog = await openCreate(page, 'Linux Bridge');
  await type(dialog, 'Name', 'vmbr0');
  const create = dialog.getByRole('button', { name: 'Create', exact: true });
  await expect(field(dialog, 'Name')).toHaveAttribute('aria-invalid', 'true');
  await expect(field(dialog, 'Name')).toHaveAccessibleDescription(/"vmbr0" already exists/);
  await expect(create).toBeDisabled();
  await expect(dialog.getByText(/^Fix: Name: An interface named "vmbr0" already exists/)).toBeVisible();
  await field(dialog, 'Name').press('Enter');
  // Another name: the problem goes, and the change is sent and staged.
  await type(dialog, 'Name', 'vmbr1');
  await expect(field(dialog, 'Name')).not.toHaveAttribute('aria-invalid', 'true');
  expect(writes, 'nothing was sent while the problem stood').toEqual([]);
  await submit(dialog, 'Create');
  expect(writes.map((r) => `${r.method()} ${new URL(r.url()).pathname}`)).toEqual(['POST /api/v1/network']);
});

test('without the file text (GET /network/file fails) the server checks: a second gateway comes back on the field', async ({ page, demo }) => {
  await page.route('**/api/v1/network/file', (route) => route.fulfill({ status: 500, contentType: 'application/json', body: '{"error":{"code":"internal","message":"Test."}}' }));
  await signIn(page, demo);
  const writes = recordWrites(page);
  const dialog = await openCreate(page, 'Linux Bridge');
  await type(dialog, 'Name', 'vmbr1');
  await type(dialog, 'IPv4/CIDR', '10.0.1.2/24');
  await type(dialog, 'Gateway (IPv4)', '10.0.1.1');
  const create = dialog.getByRole('button', { name: 'Create', exact: true });
  await expect(create).toBeEnabled();
  await create.click();
  await expect(field(dialog, 'Gateway (IPv4)')).toHaveAttribute('aria-invalid', 'true');
  await expect(field(dialog, 'Gateway (IPv4)')).toHaveAccessibleDescription(/second default IPv4 gateway/);
  await expect(create).toBeDisabled();
  expect(writes.map((r) => `${r.method()} ${new URL(r.url()).pathname}`)).toEqual(['POST /api/v1/network']);
  await expect(readFile(demo.staged)).rejects.toThrow(/ENOENT/);
});
