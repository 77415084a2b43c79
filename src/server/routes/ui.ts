/**
 * The built panel (vite's dist/ui): static files, and index.html for any other GET outside the
 * API so the browser's routes work on reload. Without a build, a page says how to make one.
 * The build writes `.br`/`.gz` next to each file (vite.config.ts): sent to browsers that take them.
 * Files under assets/ carry a hash of their contents in their names, so browsers may keep them.
 */
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';
import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>netstage</title></head>
<body><h1>netstage</h1><p>The web panel has not been built. Run <code>npm run build</code> (or <code>npm start</code>, which builds it) and reload.
The API is available under <code>/api/v1</code>.</p></body></html>`;

export const uiRoutes: FastifyPluginAsync<{ uiDir?: string }> = async (app, { uiDir }) => {
  const built = uiDir !== undefined && existsSync(join(uiDir, 'index.html'));
  if (built)
    await app.register(fastifyStatic, {
      root: uiDir,
      wildcard: false,
      index: 'index.html',
      maxAge: 0,
      preCompressed: true,
      setHeaders: (reply, path) => {
        if (relative(uiDir, path).startsWith(`assets${sep}`)) reply.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  app.setNotFoundHandler((req, reply) => {
    const api = req.url.startsWith('/api/');
    if (req.method !== 'GET' || api) return reply.status(404).send({ error: { code: 'not-found', message: `No such route: ${req.method} ${req.url.split('?')[0]}` } });
    if (!built) return reply.status(503).type('text/html; charset=utf-8').send(NOT_BUILT);
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  });
};
