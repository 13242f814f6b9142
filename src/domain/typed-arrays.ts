type Growable = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float32Array | Float64Array

/**
 * The array itself when it holds `needed` elements, else a longer copy of it (`factor` times as
 * long, at least `minimum`): the one way the claim memory's typed arrays grow.
 */
export function grown<T extends Growable>(
  array: T,
  needed: number,
  { minimum = 64, factor = 2 }: { minimum?: number; factor?: number } = {},
): T {
  if (needed <= array.length) return array
  const next = new (array.constructor as new (n: number) => T)(Math.max(needed, Math.ceil(array.length * factor), minimum))
  next.set(array)
  return next
}
