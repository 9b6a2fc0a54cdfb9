// The little of jsdom's API these tests use (the project has no @types/jsdom): a DOM built
// from HTML, to query what the print view renders with the export fixture, which reads its
// template from disk and so runs in Node rather than in the jsdom test environment.
declare module 'jsdom' {
  export class JSDOM {
    constructor(html?: string);
    readonly window: Window & typeof globalThis;
  }
}
