// Starts the workspace. Fluent UI writes its styles through Griffel into <style> elements; the
// page's Content-Security-Policy admits them by the nonce HomePageServlet put into
// <meta name="csp-nonce">, so no 'unsafe-inline' is needed, and scripts come from /0/assets only.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { QueryClientProvider } from '@tanstack/react-query';
import { RendererProvider, createDOMRenderer } from '@fluentui/react-components';
import { createRouter } from './app/router';
import { Appearance } from './app/Appearance';
import { createQueryClient } from './lib/queryClient';
import { initI18n, resolveLanguage } from './lib/i18n';
import { storedPreferences } from './lib/preferences';
import { adoptOpening } from './app/opening';
import { onMetadataChange } from './lib/metadata';
import { refreshMetadata } from './features/workspace/api';
import { registerSW } from 'virtual:pwa-register';
import './app/global.css';

const nonce = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content ?? '';
const renderer = createDOMRenderer(document, { styleElementAttributes: nonce ? { nonce } : {} });
const i18n = initI18n(resolveLanguage(storedPreferences().Language || undefined));
document.documentElement.lang = i18n.language;
const queryClient = createQueryClient();
adoptOpening(queryClient);
// An admin changed an object (on any node): sections, forms and lists follow without a reload.
onMetadataChange(() => void refreshMetadata(queryClient));
// The installable app's worker (vite.config.ts): the shell's bundles from its cache, never records.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  registerSW({ immediate: true });
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <RendererProvider renderer={renderer} targetDocument={document}>
      <QueryClientProvider client={queryClient}>
        <Appearance>
          <RouterProvider router={createRouter()} />
        </Appearance>
      </QueryClientProvider>
    </RendererProvider>
  </StrictMode>,
);
