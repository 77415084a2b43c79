import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vitest/config';
import react from '@vitejs/plugin-react';

/**
 * Write `.br` and `.gz` next to every text file of the build, so the server sends the panel
 * compressed (@fastify/static `preCompressed`) without compressing on each request: the first load
 * is ~190 KiB brotli or ~220 KiB gzip, not the ~780 KiB the files hold.
 */
function precompress(): Plugin {
  return {
    name: 'netstage-precompress',
    apply: 'build',
    enforce: 'post',
    // From the files as written: vite rewrites chunks (its preload helper) after other plugins'
    // generateBundle, so compressing the bundle's code there would send stale code.
    writeBundle(options, bundle) {
      for (const fileName of Object.keys(bundle)) {
        if (!/\.(js|css|html|svg|json)$/.test(fileName)) continue;
        const path = join(options.dir!, fileName);
        const bytes = readFileSync(path);
        writeFileSync(`${path}.br`, brotliCompressSync(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }));
        writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist/ui',
    emptyOutDir: true,
    // The entry chunk (React, Mantine, the table) is ~600 kB before compression; what matters is
    // the first load over the wire, which e2e/smoke.spec.ts holds under 230 kB.
    chunkSizeWarningLimit: 700,
  },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    environment: 'node',
  },
});
