// Build of the three Electron bundles: main process, preload script and renderer.
// Entries are explicit because this project keeps the design card's top-level layout
// (main/, preload/, renderer/) rather than electron-vite's default src/ tree.
import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import vue from '@vitejs/plugin-vue'

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // index: the Electron main process, a window and IPC relay that loads no native module.
      // api-host: the desktop app's API host, run with a plain Node (main/app/start.ts finds it beside index.js).
      // host: the engine host, forked by the API host (main/host/host-process.ts finds it as host.js).
      // worker-entry: the program search's worker thread (main/engine/search/pool.ts finds it as
      // worker-entry.js beside its own chunk; without it the search runs on one thread).
      rolldownOptions: {
        input: {
          index: resolve(__dirname, 'main/index.ts'),
          'api-host': resolve(__dirname, 'main/host/api-host-main.ts'),
          host: resolve(__dirname, 'main/host/host-main.ts'),
          'worker-entry': resolve(__dirname, 'main/engine/search/worker-entry.ts')
        },
        // Shared chunks beside the entries, not in chunks/: code that finds a sibling entry through
        // import.meta.url (host-process.ts looks for ./host.js) must work from whichever file it lands in.
        output: { chunkFileNames: '[name]-[hash].js' }
      }
    }
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload must be CommonJS.
      rolldownOptions: {
        input: { index: resolve(__dirname, 'preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [vue()],
    build: {
      outDir: 'out/renderer',
      rolldownOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } }
    }
  }
})
