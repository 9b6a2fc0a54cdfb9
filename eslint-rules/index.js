// The project's own ESLint rules, used from eslint.config.js as `local/<rule>`.
import layers from './layers.js';
import noImportCycle from './no-import-cycle.js';

export default {
  meta: { name: 'local' },
  rules: { layers, 'no-import-cycle': noImportCycle },
};
