// The admin UI's build (`npm run build:ui`, run by `npm start` when the sources changed) and dev server (`npm run dev`).
import { defineConfig } from 'vite';

/** Where `npm run dev` sends /api: the server `npm start` runs (PORT 8787 unless set). */
const API = `http://127.0.0.1:${process.env.PORT ?? '8787'}`;

export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The manifest tells the bundle-size test which chunks the first page loads eagerly.
    manifest: true,
    reportCompressedSize: false,
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    // The Host header stays the dev server's, which the server's CSRF origin check compares with Origin.
    proxy: { '/api': { target: API, changeOrigin: false }, '/healthz': { target: API } },
  },
});
