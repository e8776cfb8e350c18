/**
 * `npm run check-host -- <url>` against real HTTPS servers: the dev server passes; hosts that break one thing Excel
 * needs (CORS on functions.json, a content type, the current metadata, HTTPS, reachability, a trusted certificate)
 * fail with a line that names the URL and the problem.
 */
import { execFile } from "child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import https from "https";
import type { AddressInfo } from "net";
import { tmpdir } from "os";
import { extname, join } from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { serve } = require("../scripts/serve.cjs") as { serve: (o: object) => Promise<https.Server> };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { localhostCertificate, CERTIFICATE_DIR } = require("../scripts/certificate.cjs") as {
  localhostCertificate: () => Promise<{ cert: Buffer; key: Buffer }>;
  CERTIFICATE_DIR: string;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { manifestUrls } = require("../scripts/manifest-urls.cjs") as { manifestUrls: (xml: string) => { url: string; role: string }[] };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { rewriteHost } = require("../scripts/manifest-host.js") as { rewriteHost: (xml: string, host: string) => string };

const ROOT = join(__dirname, "..");
const DIST = join(ROOT, "dist");
const SCRIPT = join(ROOT, "scripts", "check-host.mjs");
const MANIFEST = readFileSync(join(DIST, "manifest.xml"), "utf8");
const URL_COUNT = new Set(manifestUrls(MANIFEST).map(({ url }) => url)).size;

let certificate: { cert: Buffer; key: Buffer };
let devServer: https.Server;
let devBase: string;
let scratch: string;

const baseOf = (server: https.Server) => `https://localhost:${(server.address() as AddressInfo).port}/`;

beforeAll(async () => {
  certificate = await localhostCertificate();
  devServer = await serve({ root: DIST, port: 0, cert: certificate.cert, key: certificate.key });
  devBase = baseOf(devServer);
  scratch = mkdtempSync(join(tmpdir(), "kc-check-host-"));
});
afterAll(async () => {
  await new Promise((resolve) => devServer.close(resolve));
  rmSync(scratch, { recursive: true, force: true });
});

function checkHost(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [SCRIPT, ...args], { env, timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr });
    });
  });
}

type Flaws = { noCors?: boolean; types?: Record<string, string>; bodies?: Record<string, string> };

/** A minimal static host for dist/ that gets the things it is told to wrong; everything else as a good host does. */
async function flawedHost(flaws: Flaws): Promise<{ base: string; close: () => Promise<void> }> {
  const types: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".json": "application/json", ".png": "image/png" };
  const server = https.createServer({ cert: certificate.cert, key: certificate.key }, (request, response) => {
    const path = (request.url ?? "/").split("?")[0] as string;
    const file = join(DIST, path);
    if (!file.startsWith(DIST) || !existsSync(file)) return void response.writeHead(404).end();
    response.writeHead(200, {
      "Content-Type": flaws.types?.[path] ?? types[extname(path)] ?? "application/octet-stream",
      ...(flaws.noCors ? {} : { "Access-Control-Allow-Origin": "*" }),
    });
    response.end(flaws.bodies?.[path] ?? readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "localhost", resolve));
  return { base: baseOf(server), close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function checkFlawedHost(flaws: Flaws) {
  const host = await flawedHost(flaws);
  try {
    return { ...(await checkHost([host.base])), base: host.base };
  } finally {
    await host.close();
  }
}

describe("npm run check-host", () => {
  it("reads what the built manifest uses each URL for", () => {
    const role = (file: string) => manifestUrls(MANIFEST).filter(({ url }) => url.endsWith(`/${file}`)).map((u) => u.role);
    expect(new Set(role("functions.json"))).toEqual(new Set(["metadata"]));
    expect(new Set(role("functions.js"))).toEqual(new Set(["script"]));
    expect(new Set(role("taskpane.html"))).toEqual(new Set(["page"]));
    expect(new Set(role("help.html"))).toEqual(new Set(["page"]));
    expect(new Set(role("icon-32.png"))).toEqual(new Set(["icon"]));
  });

  it("passes the dev server npm start runs, mapping the manifest's URLs onto the host it is given", async () => {
    const { code, output } = await checkHost([devBase]);
    expect(output).toContain(`built for https://localhost:3000/; checking its files at ${devBase}`);
    expect(output).toContain(`OK: ${URL_COUNT} URLs checked at ${devBase}`);
    expect(code).toBe(0);
  });

  it("checks a manifest built for the host it is given as it stands", async () => {
    const manifest = join(scratch, "manifest.xml");
    writeFileSync(manifest, rewriteHost(readFileSync(join(ROOT, "manifest.xml"), "utf8"), devBase));
    const { code, output } = await checkHost([devBase, "--manifest", manifest]);
    expect(output).not.toContain("built for");
    expect(output.trim()).toBe(`OK: ${URL_COUNT} URLs checked at ${devBase}`);
    expect(code).toBe(0);
  });

  it("fails a host that sends no CORS header on functions.json, which Excel on the web reads cross-origin", async () => {
    const { code, output, base } = await checkFlawedHost({ noCors: true });
    expect(output).toContain(`${base}functions.json (functions metadata): no CORS header (Access-Control-Allow-Origin)`);
    expect(code).toBe(1);
  });

  it("fails a host that serves functions.js with a content type that is not JavaScript", async () => {
    const { code, output, base } = await checkFlawedHost({ types: { "/functions.js": "text/plain" } });
    expect(output).toContain(`${base}functions.js (functions script): content type text/plain`);
    expect(output.match(/^https:.*$/gm)).toHaveLength(1);
    expect(code).toBe(1);
  });

  it("fails a host whose functions.json differs from the build, saying where", async () => {
    const stale = JSON.parse(readFileSync(join(DIST, "functions.json"), "utf8"));
    stale.functions[0].description += " (an older build)";
    const { code, output, base } = await checkFlawedHost({ bodies: { "/functions.json": JSON.stringify(stale) } });
    expect(output).toContain(`${base}functions.json (functions metadata): differs from ${join(DIST, "functions.json")}, at functions[0].description`);
    expect(code).toBe(1);
  });

  it("fails a host that lacks a file the manifest names", async () => {
    const host = await flawedHost({});
    try {
      const manifest = join(scratch, "missing.xml");
      writeFileSync(manifest, MANIFEST.replace("/help.html", "/no-such-help.html"));
      const { code, output } = await checkHost([host.base, "--manifest", manifest]);
      expect(output).toContain(`${host.base}no-such-help.html (page): HTTP status 404, not 200`);
      expect(code).toBe(1);
    } finally {
      await host.close();
    }
  });

  it("fails an http:// host as not HTTPS", async () => {
    const { code, output } = await checkHost([devBase.replace("https:", "http:")]);
    expect(output).toContain(`${devBase.replace("https:", "http:")}functions.json (functions metadata): not HTTPS`);
    expect(code).toBe(1);
  });

  it("fails a host that does not answer as not reachable, with the error", async () => {
    const closed = https.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "localhost", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const { code, output } = await checkHost([`https://localhost:${port}/`]);
    expect(output).toMatch(new RegExp(`^https://localhost:${port}/functions\\.json \\(functions metadata\\): not reachable: .*ECONNREFUSED`, "m"));
    expect(code).toBe(1);
  });

  it("fails a certificate it does not trust, and trusts a development CA given with --ca", async () => {
    const home = mkdtempSync(join(scratch, "home-")); // no ~/.office-addin-dev-certs there
    const env = { ...process.env, HOME: home, USERPROFILE: home, NODE_EXTRA_CA_CERTS: "" };
    const untrusted = await checkHost([devBase], env);
    expect(untrusted.output).toMatch(/functions\.json \(functions metadata\): not reachable: .*pass --ca <file>/);
    expect(untrusted.code).toBe(1);

    const ca = ["ca.crt", "localhost.crt"].map((name) => join(CERTIFICATE_DIR, name)).find(existsSync) as string;
    const trusted = await checkHost([devBase, "--ca", ca], env);
    expect(trusted.output).toContain(`OK: ${URL_COUNT} URLs checked`);
    expect(trusted.code).toBe(0);
  });
});
