import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

// The console is served by the bot itself under /console (no CDN): hashed assets, one manifest
// that the bundle-size script reads.
const root = fileURLToPath(new URL('.', import.meta.url));
// The contract the server compiles too (API shapes, label tables): the pages import it as `@contracts`.
const contracts = fileURLToPath(new URL('../src/contracts', import.meta.url));

export default defineConfig({
  root,
  base: '/console/',
  plugins: [vue()],
  resolve: { alias: { '@contracts': `${contracts}/index.ts` } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
    target: 'es2020',
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      output: {
        // Framework code changes rarely: its own long-cached chunk keeps page-code deploys small.
        codeSplitting: {
          groups: [
            { name: 'charts', test: /node_modules[\\/](echarts|zrender)[\\/]/ },
            { name: 'vendor', test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      '/console/login': 'http://127.0.0.1:3000',
      '/console/auth': 'http://127.0.0.1:3000',
    },
  },
});
