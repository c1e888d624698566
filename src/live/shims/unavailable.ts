/**
 * Browser stand-in for the Node-only modules that the figure and table modules import for their
 * file and PNG output (`node:fs`, `node:crypto`, `@resvg/resvg-js`), swapped in by the live edition's
 * bundler (scripts/site_live.ts). The live figures never reach them: calling one throws an error
 * saying so, which the page shows beside the figure instead of failing silently.
 *
 * @module
 */
const unavailable = (name: string) => (): never => {
  throw new Error(`${name} is not available in the browser (the live edition draws figures only)`);
};

export const readFileSync = unavailable("readFileSync");
export const writeFileSync = unavailable("writeFileSync");
export const mkdirSync = unavailable("mkdirSync");
export const createHash = unavailable("createHash");
/** No file exists in the browser. */
export const existsSync = (_path: string): boolean => false;

/** `@resvg/resvg-js`'s renderer: PNG rendering is done at build time only. */
export class Resvg {
  constructor() {
    unavailable("Resvg (PNG rendering)")();
  }
}
export default { readFileSync, writeFileSync, mkdirSync, existsSync, createHash, Resvg };
