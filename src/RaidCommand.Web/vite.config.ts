import { defineConfig } from "vite";

// The server serves dist/ (see src/RaidCommand.Server/Hosting/WebUiHosting.cs); in `npm run dev` Vite proxies the API.
export default defineConfig({
  build: { outDir: "dist", emptyOutDir: true, chunkSizeWarningLimit: 600 },
  server: {
    proxy: {
      "/api": "http://127.0.0.1:5080",
      "/hubs": { target: "http://127.0.0.1:5080", ws: true },
    },
  },
});
