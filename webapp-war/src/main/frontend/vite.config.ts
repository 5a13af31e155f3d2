// Bundles the workspace for /0/: workspace.html (sent by HomePageServlet, which fills in the
// response's style nonce) and hashed bundles under /0/assets/. Nothing is loaded from elsewhere.
import { defineConfig, type Plugin } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * The opening script (src/opening.ts) is an entry of its own, so the page can run it as soon as it
 * arrives instead of after the workspace's bundle: this puts it into the page's head as an async
 * module script, and a module preload of the lists' and forms' chunk (loaded lazily by the router,
 * but what most pages open at) beside it. Scripts stay external: the CSP allows no inline script.
 */
function openingFirst(): Plugin {
  return {
    name: 'atrium-opening-first',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunks = Object.values(ctx.bundle ?? {}).filter((c) => c.type === 'chunk');
        const find = (name: string, entry: boolean) => chunks.find((c) => c.type === 'chunk' && c.name === name && c.isEntry === entry);
        const opening = find('opening', true);
        const sections = find('sections', false);
        if (!opening || !sections) {
          throw new Error('atrium-opening-first: the opening entry or the sections chunk is missing from the bundle');
        }
        return [
          { tag: 'script', attrs: { type: 'module', async: true, crossorigin: true, src: `/0/${opening.fileName}` }, injectTo: 'head' },
          { tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/0/${sections.fileName}` }, injectTo: 'head' },
        ];
      },
    },
  };
}

/**
 * The workspace as an installable app (PWA): a web app manifest under /0/assets/ (public, as
 * browsers fetch it without the session) with the icons of public/assets/icons (scripts/icons.mjs),
 * and a service worker at /0/sw.js (scope /0/) that precaches the shell's hashed bundles, styles
 * and icons. Pages are not cached (each carries a fresh CSP nonce and needs the session), nor is
 * anything under /0/odata or /0/rest: records are never kept offline. The worker is registered by
 * main.tsx (no inline script) and replaces itself when a new build is deployed.
 */
const pwa = VitePWA({
  registerType: 'autoUpdate',
  injectRegister: null,
  filename: 'sw.js',
  manifestFilename: 'assets/manifest.webmanifest',
  manifest: {
    id: '/0/',
    name: 'Atrium',
    short_name: 'Atrium',
    description: 'Atrium CRM: your sections, lists and records.',
    start_url: '/0/',
    scope: '/0/',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#1f4fd1',
    icons: [
      { src: '/0/assets/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/0/assets/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/0/assets/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  },
  workbox: {
    globPatterns: ['assets/**/*.{js,css,png,svg}'],
    navigateFallback: null,
    runtimeCaching: [],
    cleanupOutdatedCaches: true,
    inlineWorkboxRuntime: true,
    maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
  },
});

export default defineConfig({
  base: '/0/',
  plugins: [react(), openingFirst(), pwa],
  build: {
    outDir: process.env.ATRIUM_FRONTEND_OUT ?? '../../../target/frontend',
    emptyOutDir: true,
    assetsDir: 'assets',
    // The CSP allows no inline script: keep the module preload polyfill out of the page.
    modulePreload: { polyfill: false },
    rollupOptions: { input: { workspace: 'workspace.html', opening: 'src/opening.ts' } },
    chunkSizeWarningLimit: 1200,
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
