/**
 * The walk of record-slices.ts in WebAssembly: it finds the Records elements that hold a hit
 * about 3.5× faster than JavaScript can (a byte loop in JavaScript costs about 2.5 ns a byte, a
 * native search for each string's end about 40 ns a call; here strings are skipped 16 bytes at a
 * time with SIMD). The module is written here as
 * instructions, not shipped as a binary: what runs can be read. Its memory holds the file's text
 * at 0, then the hits (u32 offsets, sorted), then the answer: (position, start, end) u32 triples.
 *
 *   cut(len, at, hits, count, out) → triples written; -1 for an element that is not an object or
 *   an array (the JavaScript walk handles it), -2 for text that ends inside the array.
 */

type Code = Array<number | Code | Mark>;
/** A structure's start (naming it), its end, or a branch's target (by name). */
type Mark = { open: string } | { close: true } | { target: string };

// Instructions (the WebAssembly binary format's opcodes), named as in the text format.
const br = 0x0c;
const brIf = 0x0d;
const ret = 0x0f;
const get = 0x20;
const set = 0x21;
const tee = 0x22;
const load: Code = [0x28, 2, 0];
const load8: Code = [0x2d, 0, 0];
const store = (offset: number): Code => [0x36, 2, offset];
const eqz = 0x45;
const eq = 0x46;
const ne = 0x47;
const ltU = 0x49;
const gtU = 0x4b;
const leU = 0x4d;
const geU = 0x4f;
const add = 0x6a;
const sub = 0x6b;
const mul = 0x6c;
const and = 0x71;
const or = 0x72;
const int = (value: number): Code => [0x41, ...leb(value, true)];
const to = (target: string): Mark => ({ target });
const structure = (opcode: number, name: string, body: Code): Code => [opcode, 0x40, { open: name }, ...body, { close: true }];
const block = (name: string, body: Code) => structure(0x02, name, body);
const loop = (name: string, body: Code) => structure(0x03, name, body);
const when = (condition: Code, body: Code) => [...condition, ...structure(0x04, '', body)];

function leb(value: number, signed = false): number[] {
  const bytes: number[] = [];
  for (;;) {
    const byte = value & 0x7f;
    value = signed ? value >> 7 : value >>> 7;
    const done = signed ? (value === 0 && !(byte & 0x40)) || (value === -1 && Boolean(byte & 0x40)) : value === 0;
    bytes.push(done ? byte : byte | 0x80);
    if (done) return bytes;
  }
}

// Locals: the five parameters, then nine of the function's own.
const [len, i, hits, count, out] = [0, 1, 2, 3, 4] as const;
const [b, depth, start, h, found, pos, last, hitsEnd, mask] = [5, 6, 7, 8, 9, 10, 11, 12, 13] as const;
// And three 128-bit ones: 16 bytes of text, 16 quotes, 16 backslashes.
const [v, quotes, backslashes] = [14, 15, 16] as const;
// SIMD (0xfd-prefixed) instructions, in every engine Trailcase runs on (V8 since 2021).
const v128load: Code = [0xfd, 0x00, 0, 0];
const splat8: Code = [0xfd, 0x0f];
const eq8: Code = [0xfd, 0x23];
const or128: Code = [0xfd, 0x50];
const bitmask8: Code = [0xfd, 0x64];
const ctz = 0x68;
const is = (c: number): Code => [get, b, ...int(c), eq];
const next = (local: number, step = 1): Code => [get, local, ...int(step), add, set, local];
/** b = text[i++] */
const take: Code = [get, i, ...load8, set, b, ...next(i)];
const endsInside: Code = when([get, i, get, len, geU], [...int(-2), ret]);

/**
 * Past the bytes from i that are neither a quote nor a backslash, 16 at a time, to the first that
 * is one (or to the last 16 bytes of the text, which the byte loop takes).
 */
const skipPlain: Code = block('near end', [
  ...loop('sixteen', [
    get, i, ...int(16), add, get, len, gtU, brIf, to('near end'),
    get, i, ...v128load, tee, v, get, quotes, ...eq8, get, v, get, backslashes, ...eq8, ...or128, ...bitmask8, tee, mask,
    ...when([eqz], [get, i, ...int(16), add, set, i, br, to('sixteen')]),
    get, i, get, mask, ctz, add, set, i,
  ]),
]);

/** A string's rest, from the byte after its opening quote to the byte after its closing one. */
const skipString: Code = loop('string', [
  ...skipPlain,
  ...endsInside,
  ...take,
  ...when(is(0x5c), [...next(i), br, to('string')]),
  ...is(0x22), eqz, brIf, to('string'),
]);

/** One element, an object or an array, from its first byte: i ends just past it. */
const skipElement: Code = block('element', [
  ...loop('scan', [
    ...endsInside,
    ...take,
    ...when(is(0x22), [...skipString, br, to('scan')]),
    ...when([...is(0x7b), ...is(0x5b), or], [...next(depth), br, to('scan')]),
    ...when([...is(0x7d), ...is(0x5d), or], [get, depth, ...int(1), sub, tee, depth, brIf, to('scan'), br, to('element')]),
    br, to('scan'),
  ]),
]);

const body: Code = [
  ...int(0x22), ...splat8, set, quotes, ...int(0x5c), ...splat8, set, backslashes,
  get, hits, get, count, ...int(4), mul, add, tee, hitsEnd, ...int(4), sub, ...load, set, last,
  get, hits, set, h,
  ...block('done', [
    ...loop('elements', [
      // White space and commas between elements.
      ...loop('gap', [
        ...endsInside,
        get, i, ...load8, set, b,
        ...when([...is(0x2c), get, b, ...int(0x20), leU, or], [...next(i), br, to('gap')]),
      ]),
      ...is(0x5d), ...is(0x7d), or, brIf, to('done'),
      get, i, get, last, gtU, brIf, to('done'),
      ...when([get, b, ...int(0x7b), ne, get, b, ...int(0x5b), ne, and], [...int(-1), ret]),
      get, i, set, start, ...int(0), set, depth, ...next(pos),
      ...skipElement,
      // The hits before this element are passed; one inside it makes it a candidate.
      ...loop('passed', [
        ...when([get, h, get, hitsEnd, ltU], [...when([get, h, ...load, get, start, ltU], [...next(h, 4), br, to('passed')])]),
      ]),
      ...when([get, h, get, hitsEnd, ltU], [
        ...when([get, h, ...load, get, i, ltU], [
          get, out, get, pos, ...store(0), get, out, get, start, ...store(4), get, out, get, i, ...store(8),
          ...next(out, 12), ...next(found),
        ]),
      ]),
      br, to('elements'),
    ]),
  ]),
  get, found,
];

/** The code with each branch's target turned into its depth, as the binary format wants. */
function assemble(code: Code, names: string[] = [], bytes: number[] = []): number[] {
  for (const item of code) {
    if (Array.isArray(item)) assemble(item, names, bytes);
    else if (typeof item === 'number') bytes.push(item);
    else if ('open' in item) names.push(item.open);
    else if ('close' in item) {
      names.pop();
      bytes.push(0x0b);
    } else bytes.push(names.length - 1 - names.lastIndexOf(item.target));
  }
  return bytes;
}

const section = (id: number, content: number[]) => [id, ...leb(content.length), ...content];
const vector = (items: number[][]) => [...leb(items.length), ...items.flat()];
const text = (name: string) => [...leb(name.length), ...Buffer.from(name)];

function moduleBytes(): Uint8Array {
  const i32 = 0x7f;
  const code = [...vector([[9, i32], [3, 0x7b]]), ...assemble(body), 0x0b];
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vector([[0x60, ...vector([[i32], [i32], [i32], [i32], [i32]]), ...vector([[i32]])]])),
    ...section(3, vector([[0]])),
    ...section(5, vector([[0x00, 1]])),
    ...section(7, vector([[...text('memory'), 0x02, 0], [...text('cut'), 0x00, 0]])),
    ...section(10, vector([[...leb(code.length), ...code]])),
  ]);
}

export interface WasmCutter {
  /** The elements of the Records array (opening at `at`) that hold a hit, or null when JavaScript must walk. */
  cut(text: Buffer, at: number, hits: readonly number[]): Array<{ position: number; start: number; end: number }> | null;
}

/** What this file uses of WebAssembly (Node's types for this project do not declare it). */
interface WasmMemory {
  buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: Record<string, unknown> };
}

let instance: WasmCutter | null | undefined;

/** The module, compiled once per thread; null where WebAssembly cannot run. */
export function wasmCutter(): WasmCutter | null {
  if (instance !== undefined) return instance;
  try {
    const wasm = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;
    if (!wasm) return (instance = null);
    const compiled = new wasm.Instance(new wasm.Module(moduleBytes()));
    const memory = compiled.exports.memory as WasmMemory;
    const run = compiled.exports.cut as (len: number, at: number, hits: number, count: number, out: number) => number;
    instance = {
      cut(text, at, hitOffsets) {
        const hitsAt = (text.length + 3) & ~3;
        const outAt = hitsAt + hitOffsets.length * 4;
        const needed = outAt + hitOffsets.length * 12;
        if (needed > memory.buffer.byteLength) memory.grow(Math.ceil((needed - memory.buffer.byteLength) / 65536));
        new Uint8Array(memory.buffer, 0, text.length).set(text);
        new Uint32Array(memory.buffer, hitsAt, hitOffsets.length).set(hitOffsets);
        const written = run(text.length, at, hitsAt, hitOffsets.length, outAt);
        if (written < 0) return null;
        const triples = new Uint32Array(memory.buffer, outAt, written * 3);
        return Array.from({ length: written }, (_, n) => ({ position: triples[n * 3]!, start: triples[n * 3 + 1]!, end: triples[n * 3 + 2]! }));
      },
    };
  } catch {
    instance = null;
  }
  return instance;
}
