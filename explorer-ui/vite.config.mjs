// Vite builds the browser app (src/app) into dist/public; the static server in
// src/server serves it. In dev (`npx vite`), /api and /openapi.json go to the gateway.
import { defineConfig } from 'vite';

const gateway = process.env.DEC_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: 'src/app',
  base: '/',
  build: { outDir: '../../dist/public', emptyOutDir: true, target: 'es2022', sourcemap: true },
  server: { port: 5173, proxy: { '/api': gateway, '/openapi.json': gateway } },
});
