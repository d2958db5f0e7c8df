import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The web app: one chunk per area (routes load lazily), served by the server at `/`. */
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
