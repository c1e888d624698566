/**
 * Browser stand-in for `linkedom`, swapped in by the live edition's bundler (scripts/site_live.ts):
 * `parseHTML` hands back the page's real `document`, so that `src/figures/render.ts` (which makes its
 * server-side document with linkedom in Node) gives Observable Plot the browser's document instead.
 * Nothing else of linkedom is used by the figures.
 *
 * @module
 */
export function parseHTML(_html: string): { document: Document } {
  return { document: globalThis.document };
}
