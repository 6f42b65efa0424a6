import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// The API serves this build under a strict CSP (script-src 'self'): nothing inline, nothing from a CDN.
export default defineConfig({
  root: here('.'),
  base: '/',
  plugins: [react()],
  resolve: {
    alias: {
      '@campaign-desk/contracts': here('../../libs/shared/contracts/src/index.ts'),
    },
  },
  build: {
    outDir: here('../../dist/dashboard'),
    emptyOutDir: true,
    // react-admin + MUI make one large vendor chunk; see the bundle size in the build output.
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
