/** This AED Writer's version, written into backups (kept equal to package.json's by a test). */
export const APP_VERSION = '0.1.0';
