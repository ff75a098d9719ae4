import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// Tauri serves `dist/` from the binary; no remote assets are ever loaded.
export default defineConfig({
  plugins: [svelte()],
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  build: {
    target: 'safari16',
    outDir: 'dist',
    // `make bench` reads which chunks the entry loads before the first paint (startup_js_kib_gzip).
    manifest: true,
    emptyOutDir: true,
    // Inline assets would need `data:` in the CSP for more than images.
    assetsInlineLimit: 0,
    rollupOptions: {
      output: {
        // One chunk per language (`fr.json`, `fr.profile.json`, ... together): the window loads
        // the one it speaks in one request, and no other.
        manualChunks(id) {
          const language = /\/locales\/([a-z]{2})\.[^/]*json$/.exec(id)?.[1];
          return language ? `locale-${language}` : undefined;
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
    setupFiles: ['src/test/setup.ts'],
  },
  resolve: process.env.VITEST ? { conditions: ['browser'] } : undefined,
});
