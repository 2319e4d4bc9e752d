// Writes brotli (quality 11) and gzip copies of the built JS, WASM and CSS next to them, which the
// server's static file handler sends to browsers that accept them: smaller than the compression
// done per response (quality 5), and no compression work per request.
// Usage: node scripts/precompress.mjs [site-pkg-dir]   (default target/site/pkg)
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const dir = process.argv[2] ?? 'target/site/pkg';
let raw = 0, br = 0, files = 0;
for (const name of readdirSync(dir)) {
  if (!/\.(wasm|js|css)$/.test(name)) continue;
  const data = readFileSync(join(dir, name));
  const b = brotliCompressSync(data, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
  });
  writeFileSync(join(dir, name + '.br'), b);
  writeFileSync(join(dir, name + '.gz'), gzipSync(data, { level: 9 }));
  raw += data.length; br += b.length; files += 1;
}
console.log(`precompressed ${files} files in ${dir}: ${(raw / 1024).toFixed(0)} KB, ${(br / 1024).toFixed(0)} KB with brotli`);

// The split must leave each piece of constant data with the code that uses it. When the WASM
// splitter cannot lay the data out again within the original segment it puts all of it in the
// main module, silently (see `SPLIT_DATA_SLACK` in src/lib.rs): fail here instead.
const dataBytes = (file) => {
  const b = readFileSync(join(dir, file));
  let i = 8, total = 0;
  const leb = () => { let r = 0, s = 0, x; do { x = b[i++]; r += (x & 0x7f) * 2 ** s; s += 7; } while (x & 0x80); return r; };
  while (i < b.length) {
    const id = b[i++];
    const size = leb();
    if (id === 11) total += size;
    i += size;
  }
  return total;
};
// This build's modules: the main one and those the split manifest names (older builds' files may
// still lie in the directory).
const manifest = join(dir, '__wasm_split_manifest.json');
const chunks = existsSync(manifest) ? [...new Set(Object.values(JSON.parse(readFileSync(manifest, 'utf8'))).flat())] : [];
const main = existsSync(join(dir, 'gongkai.wasm')) ? dataBytes('gongkai.wasm') : 0;
const all = chunks.reduce((sum, n) => sum + dataBytes(`${n}.wasm`), main);
if (chunks.length > 0 && main > 0.8 * all) {
  console.error(`the main WASM module holds ${main} of ${all} bytes of constant data: the splitter put all of it there ` +
    '(raise SPLIT_DATA_SLACK in src/lib.rs)');
  process.exit(1);
}
