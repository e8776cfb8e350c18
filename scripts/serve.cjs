/**
 * A small static HTTPS server for dist/: the content types an add-in needs, no listings, nothing outside root.
 * Every response allows any origin: Excel on the web reads functions.json cross-origin from its own origin
 * (https://excel.officeapps.live.com) and registers no functions without this header. Microsoft's publishing guide
 * ("enable CORS so that Office can access the functions.json file",
 * https://learn.microsoft.com/office/dev/add-ins/publish/publish-add-in-vs-code) and its Excel-Custom-Functions
 * template's dev server do the same; OfficeDev/office-js#3970 is the failure without it. dist/ is public and the
 * server takes no cookies, so `*` exposes nothing.
 */
const fs = require("fs");
const https = require("https");
const path = require("path");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".ico": "image/x-icon",
  ".svg": "image/svg+xml",
  ".txt": "text/plain; charset=utf-8",
};

const METHODS = "GET, HEAD, OPTIONS";
const CORS = { "Access-Control-Allow-Origin": "*" };

/** The file a URL path names inside root, or null if it would leave root or is not a file. */
function resolveFile(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath.split("?")[0]);
  } catch {
    return null;
  }
  if (decoded.includes("\0")) return null;
  const file = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  try {
    return fs.statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}

function handler(root) {
  return (request, response) => {
    if (request.method === "OPTIONS") {
      // A CORS preflight: allow the safe methods and whatever headers were asked for (there is nothing to protect).
      response.writeHead(204, {
        ...CORS,
        "Access-Control-Allow-Methods": METHODS,
        "Access-Control-Allow-Headers": request.headers["access-control-request-headers"] || "*",
        "Access-Control-Max-Age": "600",
        Allow: METHODS,
        Vary: "Access-Control-Request-Headers",
      }).end();
      return;
    }
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { ...CORS, Allow: METHODS }).end();
      return;
    }
    const urlPath = request.url === "/" ? "/taskpane.html" : request.url || "/";
    const file = resolveFile(root, urlPath);
    if (!file) {
      response.writeHead(404, { ...CORS, "Content-Type": "text/plain; charset=utf-8" }).end("Not found\n");
      return;
    }
    response.writeHead(200, {
      ...CORS,
      "Content-Type": TYPES[path.extname(file)] || "application/octet-stream",
      "Cache-Control": "no-cache",
      "X-Content-Type-Options": "nosniff",
    });
    if (request.method === "HEAD") response.end();
    else fs.createReadStream(file).pipe(response);
  };
}

/** Serves `root` over HTTPS on `port` (0: any free port); resolves to the listening server. */
function serve({ root, port, cert, key, host = "localhost" }) {
  const absolute = path.resolve(root);
  return new Promise((resolve, reject) => {
    const server = https.createServer({ cert, key }, handler(absolute));
    server.once("error", reject);
    server.listen(port, host, () => resolve(server));
  });
}

module.exports = { serve, resolveFile };
