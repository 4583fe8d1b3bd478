// The types of template.generated.js, which sheets-addon/build.mjs writes (it is not committed:
// `npm run build:addon`, `npm start`, `npm run deploy` and the tests build it).

/** The add-on's three files, built once for a placeholder origin the worker replaces with its own. */
export interface AddonTemplate {
  /** The placeholder (https://addon-origin.invalid) that stands for the API's origin in codeJs. */
  origin: string;
  /** Code.js: the core and the add-on bundled into one Apps Script file. */
  codeJs: string;
  /** Sidebar.html: the same for every origin. */
  sidebarHtml: string;
  /** appsscript.json without urlFetchWhitelist, which depends on the origin (https only). */
  manifest: Record<string, unknown>;
  /** How many custom functions Code.js declares. */
  functions: number;
  /** A hash of everything above: changes whenever any of the files does. */
  hash: string;
}

export declare const ADDON_TEMPLATE: AddonTemplate;
