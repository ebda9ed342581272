import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/** Vite: index.html at the repository root, the app in src/web, the build in dist/web. */
export default defineConfig({
  plugins: [react()],
  // package.json's version, shown in the footer (the server's /api/health gives the same).
  define: { __INTERCHANGE_VERSION__: JSON.stringify(version) },
  publicDir: 'src/web/public',
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        // Big vendors in their own long-lived chunks. ECharts is only reached through a dynamic
        // import, so its chunk loads when the first chart is shown.
        codeSplitting: {
          // a group holds only what its test names, not everything that code imports
          includeDependenciesRecursively: false,
          groups: [
            // the partner map's atlas reader: only the lazily loaded world-geo.ts uses it, keep it out of vendor
            { name: 'topojson', test: /node_modules[\\/]topojson-client[\\/]/, priority: 45 },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]|src[\\/]web[\\/]lib[\\/]echarts\.ts$/, priority: 40 },
            { name: 'antd-icons', test: /node_modules[\\/]@ant-design[\\/]icons/, priority: 35 },
            { name: 'antd', test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[\w-]+)[\\/]/, priority: 30 },
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 20 },
            { name: 'tanstack', test: /node_modules[\\/]@tanstack[\\/]/, priority: 15 },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 10 },
            { name: 'app-core', test: /src[\\/](web[\\/]lib|shared)[\\/]/, priority: 5 },
          ],
        },
      },
    },
  },
});
