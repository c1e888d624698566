/**
 * Float32 arrays to and from base64 text (private): the little-endian bytes of the floats, as the
 * `weights` field of `data/lm_weights.csv` stores a model's parameters.
 *
 * @module
 */

/**
 * Float32 values as the base64 of their little-endian bytes.
 * @example floatsToBase64(new Float32Array([1])) // => "AACAPw=="
 */
export function floatsToBase64(x: Float32Array): string {
  const bytes = new Uint8Array(4 * x.length), view = new DataView(bytes.buffer);
  for (let i = 0; i < x.length; i++) view.setFloat32(4 * i, x[i], true);
  let bin = "";
  for (let i = 0; i < bytes.length; i += 8192) bin += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return btoa(bin);
}

/**
 * The floats of {@link floatsToBase64}'s text, or `null` when the text is not base64 or its bytes are not
 * a whole number of floats.
 * @example Array.from(base64ToFloats("AACAPw==") ?? []) // => [1]
 */
export function base64ToFloats(text: string): Float32Array | null {
  let bin: string;
  try {
    bin = atob(text);
  } catch {
    return null;
  }
  if (bin.length % 4 !== 0) return null;
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const view = new DataView(bytes.buffer), out = new Float32Array(bin.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(4 * i, true);
  return out;
}
