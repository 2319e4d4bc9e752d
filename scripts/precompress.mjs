// Writes brotli (quality 11) and gzip copies of the built JS, WASM and CSS next to them, which the
// server's static file handler sends to browsers that accept them: smaller than the compression
// done per response (quality 5), and no compression work per request.
// Usage: node scripts/precompress.mjs [site-pkg-dir]   (default target/site/pkg)
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
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
