/*
 * A PNG's text chunk (iTXt, UTF-8), so the exported picture says what it shows to any tool that
 * reads metadata, not only to the eye. Format: PNG specification 1.2, sections 4.2.3.3 (iTXt) and 3.4 (CRC).
 */

const crcTable = ((): Uint32Array => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 as PNG chunks use it (ISO 3309), over `bytes`. */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (crcTable[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const signatureLength = 8;

/**
 * `png` with an uncompressed iTXt chunk `keyword` = `text` inserted right after IHDR (the first
 * chunk). `keyword` is 1-79 Latin-1 letters; `text` any UTF-8. Throws when `png` is not a PNG.
 */
export function withPngText(png: Uint8Array, keyword: string, text: string): Uint8Array<ArrayBuffer> {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  if (png.length < 33 || view.getUint32(0) !== 0x89504e47) throw new Error('not a PNG image');
  const afterHeader = signatureLength + 12 + view.getUint32(signatureLength);
  const encoder = new TextEncoder();
  // keyword \0, compression flag 0, method 0, empty language \0, empty translated keyword \0, text.
  const data = new Uint8Array([...encoder.encode(keyword), 0, 0, 0, 0, 0, ...encoder.encode(text)]);
  const chunk = new Uint8Array(12 + data.length);
  const chunkView = new DataView(chunk.buffer);
  chunkView.setUint32(0, data.length);
  chunk.set(encoder.encode('iTXt'), 4);
  chunk.set(data, 8);
  chunkView.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)));
  const out = new Uint8Array(png.length + chunk.length);
  out.set(png.subarray(0, afterHeader));
  out.set(chunk, afterHeader);
  out.set(png.subarray(afterHeader), afterHeader + chunk.length);
  return out;
}

/** The iTXt chunks of a PNG as keyword → text (uncompressed ones only); empty for anything else. */
export function readPngText(png: Uint8Array): Map<string, string> {
  const out = new Map<string, string>();
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const decoder = new TextDecoder();
  for (let at = signatureLength; at + 12 <= png.length;) {
    const length = view.getUint32(at);
    const type = decoder.decode(png.subarray(at + 4, at + 8));
    if (type === 'iTXt') {
      const data = png.subarray(at + 8, at + 8 + length);
      const keywordEnd = data.indexOf(0);
      if (keywordEnd > 0 && data[keywordEnd + 1] === 0) {
        let at2 = keywordEnd + 3;
        at2 = data.indexOf(0, at2) + 1; // language tag
        at2 = data.indexOf(0, at2) + 1; // translated keyword
        out.set(decoder.decode(data.subarray(0, keywordEnd)), decoder.decode(data.subarray(at2)));
      }
    }
    at += 12 + length;
  }
  return out;
}
