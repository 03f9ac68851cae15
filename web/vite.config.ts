// Run from the repository root: `vite build --config web/vite.config.ts` (root is web/ itself).
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webDir = fileURLToPath(new URL('.', import.meta.url));
const ANTD = /node_modules[\\/](antd|@ant-design|@rc-component|rc-[\w-]+|dayjs|@emotion|stylis|classnames)[\\/]/;
const sharedDir = fileURLToPath(new URL('../shared', import.meta.url));

export default defineConfig({
  root: webDir,
  plugins: [react()],
  resolve: {
    alias: { '@shared': sharedDir },
  },
  server: {
    // shared/ lives outside web/, so the dev server must be allowed to read it.
    fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] },
    proxy: { '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false } },
  },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // The vendor chunks are large on purpose (cacheable across releases); no warning for them.
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // Vendor code changes far less often than ours: separate chunks keep browser caches warm
        // across releases. Higher priority wins when a module matches two groups.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 30 },
            // antd is split in two: what the frame (layout, menus, sign-in) needs at start, and the
            // heavier components only list pages use (table, tree, date picker), fetched with them.
            { name: 'antd', test: ANTD, tags: ['$initial'], priority: 20 },
            { name: 'antd-pages', test: ANTD, priority: 15 },
            {
              name: 'vendor',
              test: /node_modules[\\/](@tanstack|i18next|react-i18next|zod)[\\/]/,
              priority: 10,
            },
          ],
        },
      },
    },
  },
});
