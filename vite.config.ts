import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

// Relative base: the built dist/ works from any sub-path of any static host.
export default defineConfig({
  base: './',
  plugins: [
    react(),
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: null,
      workbox: {
        globPatterns: ['**/*.{js,css,html,wasm,svg,png,ico,webmanifest,arrow,arrows,parquet}'],
        maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
        navigateFallback: 'index.html',
      },
      includeAssets: ['icon.svg'],
      manifest: {
        id: './',
        name: 'Arrowscope',
        short_name: 'Arrowscope',
        description: 'Explore Apache Arrow and Parquet files of any size, locally in your browser.',
        theme_color: '#1f3a5f',
        background_color: '#ffffff',
        display: 'standalone',
        start_url: './',
        scope: './',
        // The installed app opens these files from the OS (launchQueue in App.tsx).
        file_handlers: [
          {
            action: './',
            accept: {
              'application/vnd.apache.arrow.file': ['.arrow', '.feather'],
              'application/vnd.apache.arrow.stream': ['.arrows', '.ipc'],
              'application/vnd.apache.parquet': ['.parquet'],
            },
          },
        ],
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
    }),
  ],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
  preview: { port: 5173, strictPort: true },
});
