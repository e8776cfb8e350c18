/** The dev server npm start runs: dist/ over HTTPS with the right content types and nothing outside dist/. */
import https from "https";
import type { AddressInfo } from "net";
import { join } from "path";

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

function get(path: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    https
      .get({ host: "localhost", port, path, rejectUnauthorized: false }, (response) => {
        let body = "";
        response.on("data", (chunk: Buffer) => (body += chunk.toString()));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, type: String(response.headers["content-type"]), body }));
      })
      .on("error", reject);
  });
}

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
