/**
 * `npm start` as a user meets it on Linux: it serves dist/ on https://localhost:3000, prints how to load the add-in in
 * Excel on the web and where to preview the task pane, and keeps serving until `npm stop` ends it.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from "child_process";
import { existsSync } from "fs";
import https from "https";
import net from "net";
import { join } from "path";

const ROOT = join(__dirname, "..");
const PID_FILE = join(ROOT, ".kc-serve.pid");

/**
 * Whether port 3000 is taken, decided before the test is declared so that a busy port shows as a skipped test (or,
 * under CI, a failed one) rather than a pass. A child Node does the asynchronous part: something answers on
 * 127.0.0.1 or ::1, or listening on localhost (as npm start does) fails.
 */
function portBusyNow(): boolean {
  const probe = `
    const net = require("net");
    const answers = (host) => new Promise((resolve) => {
      const socket = net.connect(3000, host);
      socket.once("connect", () => { socket.destroy(); resolve(true); });
      socket.once("error", () => resolve(false));
    });
    const refuses = () => new Promise((resolve) => {
      const server = net.createServer();
      server.once("error", () => resolve(true));
      server.listen(3000, "localhost", () => server.close(() => resolve(false)));
    });
    (async () => process.stdout.write((await answers("127.0.0.1")) || (await answers("::1")) || (await refuses()) ? "busy" : "free"))();`;
  return execFileSync(process.execPath, ["-e", probe], { encoding: "utf8", timeout: 10_000 }) === "busy";
}

const busy = portBusyNow();
const skip = busy && !process.env.CI;
if (skip) console.warn("\n*** npm start test SKIPPED: port 3000 is in use (is the add-in running? `npm stop` ends it). ***\n");
const TITLE = "serves the task pane over HTTPS, says how to load the add-in, and stops on npm stop";

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { rejectUnauthorized: false }, (response) => {
        let body = "";
        response.on("data", (chunk: Buffer) => (body += chunk.toString()));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
      })
      .on("error", reject);
  });
}

function waitFor(child: ChildProcess, output: () => string, text: string, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start did not print "${text}" within ${ms} ms:\n${output()}`)), ms);
    const check = () => {
      if (output().includes(text)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", check);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited (${code}):\n${output()}`));
    });
  });
}

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once("exit", resolve)));

describe("npm start and npm stop on Linux", () => {
  (skip ? it.skip : it)(skip ? `${TITLE} — skipped: port 3000 is in use` : TITLE, async () => {
    if (busy) throw new Error("Port 3000 is in use under CI: npm start cannot be tested. Free the port (`npm stop` ends the add-in) and run again.");
    // dist/ is built by `npm test` before jest runs; --no-build serves it as it is.
    const child = spawn(process.execPath, [join(ROOT, "scripts", "start.mjs"), "--no-build"], { cwd: ROOT, env: { ...process.env, CI: "" } });
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    try {
      await waitFor(child, () => output, "Serving until Ctrl-C", 30_000);
      expect(output).toContain("KC for Excel is served at https://localhost:3000/");
      expect(output).toContain(`Home > Add-ins > More add-ins > Upload My Add-in, then upload ${join(ROOT, "dist", "manifest.xml")}`);
      expect(output).toContain("open https://localhost:3000/taskpane.html in any browser");
      expect(output).not.toContain("Sideloading into Excel desktop");

      const pane = await get("https://localhost:3000/taskpane.html");
      expect(pane.status).toBe(200);
      expect(pane.body).toMatch(/<script defer(?:="defer")? src="?taskpane\.js"?>/);
      await expect(get("https://localhost:3000/manifest.xml")).resolves.toMatchObject({ status: 200 });
      expect(existsSync(PID_FILE)).toBe(true);

      const stop = spawnSync(process.execPath, [join(ROOT, "scripts", "stop.mjs")], { cwd: ROOT, encoding: "utf8" });
      expect(stop.stdout).toMatch(/^Stopped KC for Excel \(process \d+\)\./);
      await expect(exited(child)).resolves.toBe(0);
      expect(existsSync(PID_FILE)).toBe(false);
      await expect(portInUse(3000)).resolves.toBe(false);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  });
});
