/// <reference types="vitest/config" />
import { readFile, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { fileURLToPath, URL } from 'node:url'
import { gzipSync } from 'node:zlib'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'
import { defineConfig, type Plugin } from 'vite'

/** Files smaller than this are not worth a .gz twin (the server sends them as they are). */
const GZIP_MIN_BYTES = 1024
/** Formats that are already compressed gain nothing from gzip. */
const GZIP_SKIP = /\.(png|jpe?g|gif|webp|avif|woff2?|gz|br|zip)$/i

/** Writes `<file>.gz` beside each emitted file above GZIP_MIN_BYTES, for the server to send as-is. */
function precompress(): Plugin {
  let outDir = 'dist'
  return {
    name: 'pufa-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir) // outDir may be absolute (--outDir /tmp/…)
    },
    async writeBundle(_options, bundle) {
      for (const fileName of Object.keys(bundle)) {
        if (GZIP_SKIP.test(fileName)) continue
        const path = join(outDir, fileName)
        const data = await readFile(path)
        if (data.length <= GZIP_MIN_BYTES) continue
        await writeFile(`${path}.gz`, gzipSync(data, { level: 9 }))
      }
    },
  }
}

export default defineConfig({
  plugins: [
    vue(),
    Components({
      dts: 'src/components.d.ts',
      resolvers: [ElementPlusResolver({ importStyle: 'css' })],
    }),
    precompress(),
  ],
  // vue-i18n feature flags: Composition API only, no devtools hooks in production.
  define: {
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  // Unit tests of the front end's logic (`npm test`): beside the code in __tests__/ folders.
  test: {
    environment: 'happy-dom',
    include: ['src/**/__tests__/*.test.ts'],
  },
  server: {
    // `pufa serve` on its default port; PUFA_API points the dev server elsewhere.
    proxy: { '/api': { target: process.env.PUFA_API ?? 'http://127.0.0.1:8080', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      output: {
        // The framework in one long-cached chunk; Element Plus stays split by the pages that use it.
        codeSplitting: {
          groups: [{ name: 'vue', test: /node_modules[\\/](@vue|vue|vue-router|pinia|vue-i18n|@intlify)[\\/]/ }],
        },
      },
    },
  },
})
