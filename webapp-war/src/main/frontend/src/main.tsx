// Starts the workspace. Fluent UI writes its styles through Griffel into <style> elements; the
// page's Content-Security-Policy admits them by the nonce HomePageServlet put into
// <meta name="csp-nonce">, so no 'unsafe-inline' is needed, and scripts come from /0/assets only.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { QueryClientProvider } from '@tanstack/react-query';
import { FluentProvider, RendererProvider, createDOMRenderer, webLightTheme } from '@fluentui/react-components';
import { createRouter } from './app/router';
import { createQueryClient } from './lib/queryClient';
import { initI18n } from './lib/i18n';
import { adoptOpening } from './app/opening';
import './app/global.css';

const nonce = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content ?? '';
const renderer = createDOMRenderer(document, { styleElementAttributes: nonce ? { nonce } : {} });
const i18n = initI18n();
document.documentElement.lang = i18n.language;
const queryClient = createQueryClient();
adoptOpening(queryClient);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <RendererProvider renderer={renderer} targetDocument={document}>
      <FluentProvider theme={webLightTheme}>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={createRouter()} />
        </QueryClientProvider>
      </FluentProvider>
    </RendererProvider>
  </StrictMode>,
);
