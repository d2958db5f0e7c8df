import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

/** The web app: one chunk per area (routes load lazily), served by the server at `/`. */
export default defineConfig({
  plugins: [
    react(),
    // Brotli and gzip copies beside each asset, made once at build time: the server sends them
    // as they are instead of compressing a megabyte of script on every cold load.
    compression({ algorithms: ['brotliCompress', 'gzip'], include: /\.(js|css|svg|json)$/ }),
  ],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
