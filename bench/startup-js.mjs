// The JavaScript the window loads before its first paint: the entry chunk of `index.html` and
// every chunk it imports statically, from Vite's build manifest. Lazy chunks (the other views,
// the language catalogues) are left out. Prints `startup_js_kib_gzip=` (gzip -9, as the
// `ui_bundle_kib_gzip` figure counts) and, on stderr, the chunks counted.
//
// node bench/startup-js.mjs <ui dist folder>
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = process.argv[2] ?? 'ui/dist';
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));
const seen = new Set();
const walk = (key) => {
  if (seen.has(key)) return;
  seen.add(key);
  for (const next of manifest[key].imports ?? []) walk(next);
};
for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) walk(key);

let bytes = 0;
for (const key of seen) {
  const file = manifest[key].file;
  const size = gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
  process.stderr.write(`startup chunk ${file}: ${(size / 1024).toFixed(1)} KiB gzip\n`);
  bytes += size;
}
console.log(`startup_js_kib_gzip=${(bytes / 1024).toFixed(1)}`);
