import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The web build: the same renderer, served as a static site with relative asset paths.
export default defineConfig({
  root: resolve(import.meta.dirname, 'renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, 'out/web'),
    emptyOutDir: true,
    // One bundle loaded from disk (or the local cache), never over a network: size warnings
    // designed for websites don't apply until the bundle grows past this.
    chunkSizeWarningLimit: 1500,
  },
});
