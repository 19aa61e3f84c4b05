/**
 * Vite config of the renderer: used by electron-vite (desktop) and by `npm run web` (browser).
 * The page's Content-Security-Policy meta tag is injected from shared/csp.ts, the definition the
 * Electron window and the web host send as a header, so the three cannot drift apart.
 */
import { defineConfig, type Plugin } from 'vite';
import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';
import { CSP_META } from '../shared/csp.js';

const CSP_PLACEHOLDER = '__LAYERWISE_CSP__';

/** Fills the CSP meta tag of index.html (whose content is the placeholder) with the shared policy. */
const cspMeta = (): Plugin => ({
  name: 'layerwise-csp-meta',
  transformIndexHtml: {
    order: 'pre',
    handler(html) {
      if (!html.includes(CSP_PLACEHOLDER)) throw new Error(`index.html lost its CSP meta tag (${CSP_PLACEHOLDER})`);
      return html.replace(CSP_PLACEHOLDER, CSP_META.replaceAll('&', '&amp;').replaceAll('"', '&quot;'));
    },
  },
});

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [cspMeta(), vue()],
  build: {
    outDir: fileURLToPath(new URL('../out/renderer', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
});
