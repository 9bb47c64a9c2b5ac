// Writes .br and .gz files beside each CSS, JS and WASM file so the server can send them
// precompressed (at the best ratios, which are too slow to do per request).
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const dir = process.argv[2];
for (const name of readdirSync(dir)) {
  if (!/\.(css|js|wasm)$/.test(name)) continue;
  const raw = readFileSync(join(dir, name));
  const br = brotliCompressSync(raw, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
  });
  const gz = gzipSync(raw, { level: 9 });
  writeFileSync(join(dir, `${name}.br`), br);
  writeFileSync(join(dir, `${name}.gz`), gz);
  console.log(`${name}: ${raw.length} bytes, brotli ${br.length}, gzip ${gz.length}`);
}
