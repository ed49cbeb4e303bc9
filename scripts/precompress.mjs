// Writes the `.br` and `.gz` copies beside a built file, for hosts that serve precompressed files
// (used by post-build.mjs for every asset and by languages.mjs for the files it changes).
import { readFileSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export function precompress(path) {
  const raw = readFileSync(path);
  writeFileSync(`${path}.br`, brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }));
  writeFileSync(`${path}.gz`, gzipSync(raw, { level: 9 }));
}
