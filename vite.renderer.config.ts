/**
 * What the two builds of the renderer share: the desktop's (electron.vite.config.ts) and the web
 * one (vite.web.config.ts). Both are minified, and both check the built-in templates, so the app
 * can use their JSON without validating it (and without loading zod) at start-up.
 */
import { relative } from 'node:path';
import react from '@vitejs/plugin-react';
import type { BuildEnvironmentOptions, PluginOption } from 'vite';
import { checkBuiltInTemplate } from './shared/template.ts';

const TEMPLATE_FILE = /[\\/]resources[\\/]templates[\\/][^\\/]+\.json$/;

/** Fails the build when a template the renderer imports is not exactly what the schema returns. */
function checkBuiltInTemplates(): PluginOption {
  return {
    name: 'aed:check-built-in-templates',
    enforce: 'pre',
    transform(code, id) {
      if (!TEMPLATE_FILE.test(id)) return null;
      checkBuiltInTemplate(JSON.parse(code), relative(import.meta.dirname, id));
      return null;
    },
  };
}

export const rendererPlugins: PluginOption[] = [react(), checkBuiltInTemplates()];

export const rendererBuild: BuildEnvironmentOptions = {
  minify: true,
  // One bundle loaded from disk (or the local cache), never over a network: size warnings
  // designed for websites don't apply until the bundle grows past this.
  chunkSizeWarningLimit: 1500,
};
