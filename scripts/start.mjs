/**
 * `npm start`: builds dist/, serves it on https://localhost:3000, and sideloads the add-in into desktop Excel where
 * that is possible (Windows, macOS). Elsewhere it says how to load it in Excel on the web or preview it in a browser.
 * Serves until Ctrl-C; `npm stop` ends it.
 */
import { spawn, spawnSync } from "node:child_process";
import { writeFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const { serve } = require("./serve.cjs");
const { localhostCertificate } = require("./certificate.cjs");

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const PORT = 3000;
// `npm stop` reads this file and signals the process only if it is this script of this checkout.
const PID_FILE = process.env.KC_SERVE_PID_FILE || join(ROOT, ".kc-serve.pid");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const SIDELOADER_VERSION = "7.0.0";

if (!process.argv.includes("--no-build")) {
  const build = spawnSync(npm, ["run", "build"], { cwd: ROOT, stdio: "inherit", shell: process.platform === "win32" });
  if (build.status !== 0) {
    console.error("The build failed; nothing to serve.");
    process.exit(1);
  }
}

const certificate = await localhostCertificate();
let server;
try {
  server = await serve({ root: join(ROOT, "dist"), port: PORT, cert: certificate.cert, key: certificate.key });
} catch (error) {
  console.error(error.code === "EADDRINUSE" ? `Port ${PORT} is in use: is the add-in already running? \`npm stop\` ends it.` : error.message);
  process.exit(1);
}
writeFileSync(PID_FILE, `${process.pid}\n`);
const stop = () => {
  rmSync(PID_FILE, { force: true });
  server.close();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);

console.log(`\nKC for Excel is served at https://localhost:${PORT}/ (${certificate.how}).`);
const manifest = join(ROOT, "dist", "manifest.xml");
const canSideload = (process.platform === "win32" || process.platform === "darwin") && !process.env.CI;
if (canSideload) {
  console.log("Sideloading into Excel desktop…");
  // Fetched on demand, pinned: only Windows and macOS can sideload, and its Microsoft 365 toolkit peer (a native keychain
  // module among hundreds of packages) is needed only for the unified manifest, so it is neither installed nor fetched.
  const sideload = ["--yes", "--legacy-peer-deps", `office-addin-debugging@${SIDELOADER_VERSION}`, "start", manifest, "desktop", "--app", "excel", "--no-debug", "--dev-server-port", String(PORT)];
  spawn(process.platform === "win32" ? "npx.cmd" : "npx", sideload, {
    cwd: ROOT,
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  console.log("If Excel does not open with the KC for Excel button on the Home tab, load it as described below.");
}
console.log(
  `\nTo use it in Excel on the web, open a workbook and choose Home > Add-ins > More add-ins > Upload My Add-in, then upload ${manifest}` +
    `${certificate.ca ? ` (your browser must trust the development CA ${certificate.ca})` : " (your browser must trust the localhost certificate)"}. ` +
    `To preview the task pane without Excel, open https://localhost:${PORT}/taskpane.html in any browser: browsing, search, the formula builder and the audit work there. ` +
    `Serving until Ctrl-C; \`npm stop\` ends it from another terminal.\n`,
);
