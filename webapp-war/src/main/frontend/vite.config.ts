// Bundles the workspace for /0/: workspace.html (sent by HomePageServlet, which fills in the
// response's style nonce) and hashed bundles under /0/assets/. Nothing is loaded from elsewhere.
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  base: '/0/',
  plugins: [react()],
  build: {
    outDir: process.env.ATRIUM_FRONTEND_OUT ?? '../../../target/frontend',
    emptyOutDir: true,
    assetsDir: 'assets',
    // The CSP allows no inline script: keep the module preload polyfill out of the page.
    modulePreload: { polyfill: false },
    rollupOptions: { input: 'workspace.html' },
    chunkSizeWarningLimit: 1200,
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
