import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

// Writes dist/sw.js with the exact list of built files, so the service worker caches
// the whole app shell at install and the app opens offline.
function serviceWorker(): Plugin {
  return {
    name: 'tandem-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      // Everything the phone app can load: the index entry and every chunk it imports,
      // statically or lazily, with their CSS and assets (not the explorer's).
      const entry = Object.values(bundle).find((c) => c.type === 'chunk' && c.isEntry && c.name === 'index');
      if (!entry || entry.type !== 'chunk') throw new Error('no index entry');
      const seen = new Set<string>();
      const files = new Set<string>();
      const todo = [entry.fileName];
      while (todo.length) {
        const f = todo.pop()!;
        const c = bundle[f];
        if (seen.has(f) || !c) continue;
        seen.add(f);
        if (c.type !== 'chunk') {
          files.add(f);
          continue;
        }
        // A chunk of CSS alone (a style sheet shared by lazy screens) is dropped by Vite
        // after this hook, though its importers still name it: only its CSS is a file (a
        // missing file would fail the worker's install, and with it the app offline).
        if (!(c.moduleIds.length && c.moduleIds.every((m) => /\.css($|\?)/.test(m)))) files.add(f);
        todo.push(...c.imports, ...c.dynamicImports);
        const meta = (c as { viteMetadata?: { importedCss: Set<string>; importedAssets: Set<string> } }).viteMetadata;
        meta?.importedCss.forEach((x) => files.add(x));
        meta?.importedAssets.forEach((x) => files.add(x));
      }
      const list = [...files, 'index.html', ...readdirSync(resolve(__dirname, 'public'))]
        .filter((f) => f !== 'sw.js')
        .map((f) => '/' + f)
        .sort();
      const version = createHash('sha256').update(list.join('\n')).digest('hex').slice(0, 16);
      const source = readFileSync(resolve(__dirname, 'sw.template.js'), 'utf8')
        .replace('__VERSION__', version)
        .replace('__FILES__', JSON.stringify(list, null, 2));
      this.emitFile({ type: 'asset', fileName: 'sw.js', source });
    },
  };
}

export default defineConfig({
  plugins: [preact({ devToolsEnabled: false, prefreshEnabled: true }), serviceWorker()],
  build: {
    target: 'es2020',
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    // The explorer's editor (Monaco) is large by nature; it is a separate page, never
    // loaded by the phone app, whose initial JS is checked by e2e/size.mjs instead.
    chunkSizeWarningLimit: 3000,
    rollupOptions: {
      input: { index: resolve(__dirname, 'index.html'), explorer: resolve(__dirname, 'explorer.html') },
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return; // "use no memo" in GraphiQL's code
        warn(warning);
      },
    },
  },
  server: {
    proxy: {
      '/graphql': 'http://localhost:8080',
      '/documents': 'http://localhost:8080',
      '/issue-attachments': 'http://localhost:8080',
      '/project-documents': 'http://localhost:8080',
      '/export.csv': 'http://localhost:8080',
    },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
