import react from '@vitejs/plugin-react';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * The tab: built into tab/dist and served by the HoivaCRM server at /tab/ (src/server/http-server.ts). Two pages:
 * the tab itself (index.html) and the configurable tab's configuration page (config.html). The tab imports the
 * API's zod schemas and the message catalogs from src/, so the page and the server share one definition of each.
 */
export default defineConfig({
  root: here,
  base: '/tab/',
  plugins: [react()],
  build: {
    outDir: resolve(here, 'dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
    rollupOptions: {
      input: { index: resolve(here, 'index.html'), config: resolve(here, 'config.html') },
    },
  },
});
