import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { rendererBuild, rendererPlugins } from './vite.renderer.config.ts';

// The web build: the same renderer, served as a static site with relative asset paths.
export default defineConfig({
  root: resolve(import.meta.dirname, 'renderer'),
  base: './',
  plugins: rendererPlugins,
  build: {
    ...rendererBuild,
    outDir: resolve(import.meta.dirname, 'out/web'),
    emptyOutDir: true,
  },
});
