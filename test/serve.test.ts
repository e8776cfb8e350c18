/**
 * The dev server npm start runs: dist/ over HTTPS with the right content types, readable cross-origin by Excel on the
 * web, and nothing outside dist/.
 */
import { readdirSync } from "fs";
import https from "https";
import type { IncomingHttpHeaders } from "http";
import type { AddressInfo } from "net";
import { extname, join, relative, sep } from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { serve } = require("../scripts/serve.cjs") as { serve: (o: object) => Promise<import("https").Server> };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { localhostCertificate } = require("../scripts/certificate.cjs") as { localhostCertificate: () => Promise<{ cert: Buffer; key: Buffer }> };

let server: import("https").Server;
let port: number;

beforeAll(async () => {
  const certificate = await localhostCertificate();
  server = await serve({ root: join(__dirname, "..", "dist"), port: 0, cert: certificate.cert, key: certificate.key });
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const DIST = join(__dirname, "..", "dist");
const EXCEL_ON_THE_WEB = "https://excel.officeapps.live.com";

type Reply = { status: number; type: string; headers: IncomingHttpHeaders; body: string };

function request(path: string, method = "GET", headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    https
      .request({ host: "localhost", port, path, method, headers, rejectUnauthorized: false }, (response) => {
        let body = "";
        response.on("data", (chunk: Buffer) => (body += chunk.toString()));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, type: String(response.headers["content-type"]), headers: response.headers, body }));
      })
      .on("error", reject)
      .end();
  });
}
const get = (path: string) => request(path);

/** What each kind of file in dist/ must be served as: what a browser and Office expect, written down independently of serve.cjs. */
const EXPECTED_TYPES: Record<string, string> = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".json": "application/json",
  ".css": "text/css",
  ".png": "image/png",
  ".xml": "application/xml",
  ".txt": "text/plain",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".map": "application/json",
};

const filesIn = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesIn(join(dir, entry.name)) : [join(dir, entry.name)]));

describe("the HTTPS dev server", () => {
  it.each([
    ["/taskpane.html", "text/html"],
    ["/functions.js", "text/javascript"],
    ["/functions.json", "application/json"],
    ["/manifest.xml", "application/xml"],
    ["/assets/icon-32.png", "image/png"],
  ])("serves %s as %s", async (path, type) => {
    const response = await get(path);
    expect(response.status).toBe(200);
    expect(response.type).toContain(type);
  });

  it("serves every file the build puts in dist/ with the content type of its kind, never application/octet-stream", async () => {
    const files = filesIn(DIST).map((file) => `/${relative(DIST, file).split(sep).join("/")}`);
    expect(files).toEqual(expect.arrayContaining(["/functions.json", "/functions.js", "/taskpane.html", "/help.html", "/manifest.xml"]));
    for (const path of files) {
      const expected = EXPECTED_TYPES[extname(path)];
      if (!expected) throw new Error(`dist${path}: no expected content type for "${extname(path)}" files; add one here and to scripts/serve.cjs`);
      const response = await request(path, "HEAD");
      expect({ path, status: response.status }).toEqual({ path, status: 200 });
      expect({ path, type: response.type.split(";")[0] }).toEqual({ path, type: expected });
    }
  });

  it("lets Excel on the web read every file cross-origin, functions.json above all", async () => {
    for (const path of ["/functions.json", "/functions.js", "/taskpane.html", "/assets/icon-32.png", "/nope.html"]) {
      const response = await request(path, "GET", { Origin: EXCEL_ON_THE_WEB });
      expect({ path, allow: response.headers["access-control-allow-origin"] }).toEqual({ path, allow: "*" });
    }
  });

  it("answers a CORS preflight with 204, the methods it serves and the headers asked for", async () => {
    const response = await request("/functions.json", "OPTIONS", {
      Origin: EXCEL_ON_THE_WEB,
      "Access-Control-Request-Method": "GET",
      "Access-Control-Request-Headers": "x-requested-with",
    });
    expect(response.status).toBe(204);
    expect(response.headers["access-control-allow-origin"]).toBe("*");
    expect(response.headers["access-control-allow-methods"]).toBe("GET, HEAD, OPTIONS");
    expect(response.headers["access-control-allow-headers"]).toBe("x-requested-with");
    expect(response.body).toBe("");
  });

  it("refuses methods that would change something", async () => {
    const response = await request("/functions.json", "POST");
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe("GET, HEAD, OPTIONS");
  });

  it("answers 404 for what dist/ does not have", async () => {
    expect((await get("/nope.html")).status).toBe(404);
    expect((await get("/assets/")).status).toBe(404);
  });

  it("refuses to leave dist/, however the path is spelled", async () => {
    for (const path of ["/../package.json", "/%2e%2e/package.json", "/assets/..%2f..%2fpackage.json", "/..%5cpackage.json"]) {
      const response = await get(path);
      expect(response.status).toBe(404);
      expect(response.body).not.toContain("kc-for-excel");
    }
  });
});
