import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { rendererBuild, rendererPlugins } from './vite.renderer.config.ts';

// electron-vite only auto-detects src/{main,preload,renderer}; our folders say where code runs,
// so each entry is named here.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      lib: { entry: resolve(__dirname, 'electron/main/index.ts') },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      lib: { entry: resolve(__dirname, 'electron/preload/index.ts'), formats: ['cjs'] },
      rollupOptions: { output: { entryFileNames: 'index.cjs' } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: rendererPlugins,
    build: {
      ...rendererBuild,
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
});
