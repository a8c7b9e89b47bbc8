// The JavaScript a phone downloads before the first screen: the entry script of
// dist/index.html, its <link rel="modulepreload">s and, to be safe, every chunk those
// import statically (not the lazy import()s). Each file gzipped at level 9, as the server
// serves it; fails above the budget (CONTRIBUTING-FRONTEND.md: 80 kB).
//
//   node frontend/e2e/size.mjs            (after npm run build; any cwd)
//   SIZE_BUDGET_KB=90 node frontend/e2e/size.mjs
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const budgetKB = Number(process.env.SIZE_BUDGET_KB || 80); // kB = 1000 bytes, as Vite prints
const htmlFile = join(dist, 'index.html');
if (!existsSync(htmlFile)) {
  console.error(`size: ${htmlFile} is missing: run npm run build first`);
  process.exit(1);
}
const html = readFileSync(htmlFile, 'utf8');

const attr = (tag, name) => new RegExp(`\\b${name}\\s*=\\s*["']([^"']+)["']`, 'i').exec(tag)?.[1];
const initial = [];
for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
  const src = attr(tag, 'src');
  if (src) initial.push(src);
}
for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
  if (/\brel\s*=\s*["']?modulepreload/i.test(tag) && attr(tag, 'href')) initial.push(attr(tag, 'href'));
}
if (!initial.length) {
  console.error('size: dist/index.html loads no script (is it the placeholder? run npm run build)');
  process.exit(1);
}

// Follow static imports (import … from "./x.js", import "./x.js", export … from "./x.js").
const seen = new Map();
const queue = initial.map((u) => posix.normalize('/' + u.replace(/^\//, '')));
while (queue.length) {
  const url = queue.shift();
  if (seen.has(url) || !/\.m?js$/.test(url)) continue;
  const file = join(dist, url);
  if (!existsSync(file)) {
    console.error(`size: ${url} is referenced but not in dist/`);
    process.exit(1);
  }
  const body = readFileSync(file);
  seen.set(url, { raw: body.length, gz: gzipSync(body, { level: 9 }).length });
  const text = body.toString('utf8');
  const statics = /(?:^|[;\n}])\s*(?:import|export)\s*(?:[\w*{}\s,$]+?\s*from\s*)?["']([^"']+\.m?js)["']/g;
  for (const m of text.matchAll(statics)) {
    if (m[1].startsWith('.') || m[1].startsWith('/')) queue.push(posix.normalize(posix.join(posix.dirname(url), m[1])));
  }
}

const kB = (n) => (n / 1000).toFixed(2) + ' kB';
let raw = 0;
let gz = 0;
for (const [url, s] of seen) {
  raw += s.raw;
  gz += s.gz;
  console.log(`  ${url.padEnd(44)} ${kB(s.raw).padStart(10)}  gzip ${kB(s.gz).padStart(9)}`);
}
console.log(`initial JS: ${seen.size} file(s), ${kB(raw)}, gzip -9 ${kB(gz)} (budget ${budgetKB} kB)`);
if (gz > budgetKB * 1000) {
  console.error(`size: the initial JS is ${kB(gz)} gzipped, over the ${budgetKB} kB budget: lazy-load more (see src/app.tsx)`);
  process.exit(1);
}
