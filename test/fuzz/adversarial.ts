/**
 * Adversarial inputs shared by the fuzz tests: the values an attacker or a broken client would
 * send (prototype-pollution keys, deep nesting, huge strings, numbers JSON cannot carry), mixed
 * with fast-check's own random JSON so that shrinking still finds a small counterexample.
 */
import fc from 'fast-check';

/** Keys that poison a naive merge (`Object.assign`, spread into `{}`) or confuse a lookup. */
export const pollutionKeys = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__defineGetter__',
] as const;

/** JSON text of an object whose own key is `__proto__` (JSON.stringify cannot produce it from a literal). */
export function protoPayloadText(inner: string): string {
  return `{"__proto__":${inner},"constructor":{"prototype":${inner}}}`;
}

/** JSON text of a value nested `depth` levels deep in arrays or objects (built as text: JSON.stringify would overflow the stack). */
export function nestedText(depth: number, asArray: boolean): string {
  return asArray
    ? '['.repeat(depth) + '"bottom"' + ']'.repeat(depth)
    : '{"a":'.repeat(depth) + '"bottom"' + '}'.repeat(depth);
}

/** Strings that are hostile to parsers, paths and terminals. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\n',
    '\u0000',
    '../../etc/passwd',
    '..\\..\\x',
    '%00',
    '${process.exit()}',
    '<script>alert(1)</script>',
    '\u202e',
    'NaN',
    'Infinity',
    '-0',
    '1e309',
  ),
  fc.constantFrom(...pollutionKeys),
  fc.integer({ min: 1_000, max: 300_000 }).map((length) => 'x'.repeat(length)),
);

/** Any JSON value, with hostile strings as leaves and hostile keys in objects. */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(null, true, false, 0, -1, 1e308, -1e-308, Number.MAX_SAFE_INTEGER + 2),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    hostileString,
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(...pollutionKeys)), tie('value'), {
      maxKeys: 5,
    }),
  ),
})).value;

/** Raw text frames: JSON and not-JSON, truncated, deep, with a literal `__proto__` key. */
export function hostileText(channels: readonly string[]): fc.Arbitrary<string> {
  const channel = fc.oneof(fc.constantFrom(...channels), hostileString);
  const request = fc
    .record({ id: fc.nat(), channel, payload: hostileJson })
    .map((r) => JSON.stringify({ type: 'request', ...r }));
  return fc.oneof(
    hostileJson.map((value) => JSON.stringify(value) ?? 'null'),
    request,
    request.chain((text) => fc.nat({ max: Math.max(0, text.length - 1) }).map((cut) => text.slice(0, cut))),
    fc
      .tuple(fc.nat(), fc.constantFrom(...channels), fc.constantFrom('{"a":1}', '[1]', '"x"', '1', 'true'))
      .map(
        ([id, name, inner]) => `{"type":"request","id":${id},"channel":"${name}","payload":${protoPayloadText(inner)}}`,
      ),
    fc
      .tuple(fc.nat(), fc.constantFrom(...channels), fc.integer({ min: 100, max: 5_000 }), fc.boolean())
      .map(
        ([id, name, depth, asArray]) =>
          `{"type":"request","id":${id},"channel":"${name}","payload":${nestedText(depth, asArray)}}`,
      ),
    fc.string({ maxLength: 200 }),
    fc.constantFrom(
      '',
      '{',
      ']',
      'null',
      'undefined',
      '{"type":"request"}',
      '{"type":"request","id":-1,"channel":"app:info","payload":{}}',
      '{"type":"request","id":1.5,"channel":"app:info"}',
    ),
  );
}
