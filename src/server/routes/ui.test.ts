/** The built panel as the server sends it: compressed when the browser takes it, hashed assets kept. */
import Fastify, { type FastifyInstance } from 'fastify';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync, gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uiRoutes } from './ui';

const SCRIPT = `console.log(${JSON.stringify('netstage '.repeat(400))});\n`;
let dir: string;
let app: FastifyInstance;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'netstage-ui-'));
  await mkdir(join(dir, 'assets'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>netstage</title><script type="module" src="/assets/index-abc123.js"></script>');
  await writeFile(join(dir, 'assets/index-abc123.js'), SCRIPT);
  await writeFile(join(dir, 'assets/index-abc123.js.br'), brotliCompressSync(SCRIPT));
  await writeFile(join(dir, 'assets/index-abc123.js.gz'), gzipSync(SCRIPT));
  app = Fastify();
  await app.register(uiRoutes, { uiDir: dir });
});

afterEach(async () => {
  await app.close();
  await rm(dir, { recursive: true, force: true });
});

const get = (url: string, encoding?: string) => app.inject({ method: 'GET', url, headers: encoding ? { 'accept-encoding': encoding } : {} });

describe('the built panel', () => {
  it('is sent brotli- or gzip-compressed to a browser that takes it, as it is to one that does not', async () => {
    const br = await get('/assets/index-abc123.js', 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.rawPayload.length).toBeLessThan(SCRIPT.length / 10);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(SCRIPT);
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers.vary).toMatch(/accept-encoding/i);

    const gz = await get('/assets/index-abc123.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(SCRIPT);

    const plain = await get('/assets/index-abc123.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(SCRIPT);
  });

  it('lets browsers keep the hashed assets, but asks again for the page that names them', async () => {
    expect((await get('/assets/index-abc123.js', 'br')).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const page = await get('/');
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).not.toMatch(/immutable|max-age=[1-9]/);
    expect((await get('/some/view')).body).toContain('/assets/index-abc123.js');
  });
});
