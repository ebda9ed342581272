// Vite's `?url` imports: the file is emitted as an asset and the import is its address.
declare module '*?url' {
  const url: string;
  export default url;
}

/** package.json's version, put in by Vite at build (vite.config.ts `define`). */
declare const __INTERCHANGE_VERSION__: string;
