// The dashboard's build: `npm run build:web` (scripts/setup.sh runs it when the sources are newer than the build).
// Everything it ships comes from this repository and node_modules: no CDN, nothing fetched at run time.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  publicDir: false,
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: `${root}dist`,
    emptyOutDir: true,
    target: 'es2022',
    // no inline scripts or styles: the content security policy forbids them
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
    reportCompressedSize: false,
  },
});
