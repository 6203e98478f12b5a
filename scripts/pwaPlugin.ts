/**
 * The service worker and the web app manifest, made by vite-plugin-pwa (Workbox's generateSW):
 *
 * - Everything the build emits is precached: the app shell and what the first SQLite result needs,
 *   and also PostgreSQL's engine (PGlite's wasm and data), its clean data-directory snapshot and
 *   Monaco. The page registers the worker only after its first result, when idle
 *   (src/ux/serviceWorker.ts), so these downloads never compete with the first visit's start; after
 *   that visit both engines run offline, with or without a PostgreSQL run.
 * - `registerType: 'prompt'`: a new version waits until the person presses Reload, so a page never
 *   mixes old and new chunks (the old worker keeps serving the old precache until then). Workbox
 *   deletes entries of the old precache when the new worker activates, and caches of older Workbox
 *   versions (`cleanupOutdatedCaches`).
 */
import { VitePWA } from 'vite-plugin-pwa';
import type { PluginOption } from 'vite';

export const APP_NAME = 'Upsert Playground';
export const THEME_COLOUR = '#2f5d8a';

export function pwaPlugin(): PluginOption {
  return VitePWA({
    registerType: 'prompt',
    // Registered by the page itself, after its first result.
    injectRegister: false,
    includeAssets: ['favicon.svg', 'embed.js', 'icons/*.svg', 'icons/apple-touch-icon-180.png'],
    manifest: {
      name: APP_NAME,
      short_name: 'Upsert',
      description: 'Run SQL upserts on SQLite and PostgreSQL in your browser and see every table before and after.',
      lang: 'en',
      start_url: './',
      scope: './',
      display: 'standalone',
      background_color: '#f6f7f9',
      theme_color: THEME_COLOUR,
      icons: [
        { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml' },
        { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
        { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      ],
    },
    workbox: {
      globPatterns: ['**/*.{html,js,css,wasm,data,gz,svg,png,ttf,woff2,txt,json}'],
      // PGlite's wasm is about 9 MB.
      maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
      cleanupOutdatedCaches: true,
      // embed.html?host=1&id=… and every other address with a query is the precached file.
      ignoreURLParametersMatching: [/./],
      navigateFallback: null,
    },
  });
}
