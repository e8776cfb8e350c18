/**
 * `npm stop` signals only the server `npm start` of this checkout runs. A pid file that does not hold one positive
 * integer, or names a process that is not Node running this checkout's scripts/start.mjs, stops nothing: a stale id
 * reused by another program, and 0 or -1 (which signal a whole process group or every process of the user), must not
 * be sent a signal. Each test uses a pid file of its own (KC_SERVE_PID_FILE), never the checkout's.
 */
import { spawn, spawnSync, type ChildProcess } from "child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

const STOP = join(__dirname, "..", "scripts", "stop.mjs");
const OUR_SERVER = join(__dirname, "..", "scripts", "start.mjs");

let dir: string;
let pidFile: string;
const children: ChildProcess[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "kc-stop-"));
  pidFile = join(dir, "kc-serve.pid");
});
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

function stop() {
  return spawnSync(process.execPath, [STOP], { env: { ...process.env, KC_SERVE_PID_FILE: pidFile }, encoding: "utf8", timeout: 20_000 });
}

/** A long-lived process that `npm stop` must leave alone. */
function bystander(command: string, args: string[], cwd = dir): ChildProcess {
  const child = spawn(command, args, { cwd, stdio: "ignore" });
  children.push(child);
  return child;
}

const alive = (child: ChildProcess) => child.exitCode === null && child.signalCode === null && isRunning(child.pid as number);
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Lets a just-spawned process exec its program, so /proc shows its real command line. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));
/** Once `child` has started, runs npm stop with its id in the pid file and lets any signal land. */
async function stopNaming(child: ChildProcess) {
  await settle();
  writeFileSync(pidFile, `${child.pid}\n`);
  const result = stop();
  await settle();
  return result;
}

describe("npm stop", () => {
  it("says the add-in is not running when there is no pid file", () => {
    const result = stop();
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`KC for Excel is not running (no ${pidFile}).\n`);
  });

  it.each([
    ["an empty file (0 would signal its own process group)", ""],
    ["0", "0\n"],
    ["-1 (every process of the user)", "-1\n"],
    ["garbage", "kc-serve\n"],
    ["a number followed by text", "123abc"],
    ["a fraction", "12.5"],
    ["two numbers", "12\n34\n"],
    ["a number beyond any process id", "99999999999"],
    ["a number with leading space", " 123"],
  ])("refuses a pid file holding %s: signals nothing, removes the file and exits 1", async (_what, text) => {
    const canary = bystander("sleep", ["30"]);
    await settle();
    writeFileSync(pidFile, text);
    const result = stop();
    expect(result.signal).toBeNull();
    expect(result.stderr).toContain("not a process id: nothing was stopped, and the file is removed.");
    expect(result.status).toBe(1);
    expect(alive(canary)).toBe(true);
    expect(existsSync(pidFile)).toBe(false);
  });

  it("treats the id of a process that has ended as stale: nothing signalled, the file removed", async () => {
    const ended = spawn("true");
    await new Promise((resolve) => ended.once("exit", resolve));
    writeFileSync(pidFile, `${ended.pid}\n`);
    const result = stop();
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`KC for Excel was not running: no process ${ended.pid} exists. Nothing was stopped; the stale ${pidFile} is removed.\n`);
    expect(existsSync(pidFile)).toBe(false);
  });

  it("leaves an unrelated live process alone when its id is in the file", async () => {
    const sleeper = bystander("sleep", ["30"]);
    const result = await stopNaming(sleeper);
    expect(alive(sleeper)).toBe(true);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`process ${sleeper.pid} is another program (sleep 30). Nothing was stopped`);
    expect(existsSync(pidFile)).toBe(false);
  });

  (process.platform === "linux" ? it : it.skip)("leaves alone Node running another checkout's scripts/start.mjs, started with a relative path (Linux: /proc gives its working directory)", async () => {
    mkdirSync(join(dir, "scripts"));
    writeFileSync(join(dir, "scripts", "start.mjs"), "setInterval(() => {}, 1000);\n");
    const other = bystander(process.execPath, ["scripts/start.mjs"]);
    const result = await stopNaming(other);
    expect(alive(other)).toBe(true);
    expect(result.stdout).toContain(`process ${other.pid} is another program`);
  });

  it("leaves alone Node that merely names this checkout's scripts/start.mjs as an argument", async () => {
    const other = bystander(process.execPath, ["-e", "setInterval(() => {}, 1000)", OUR_SERVER]);
    const result = await stopNaming(other);
    expect(alive(other)).toBe(true);
    expect(result.stdout).toContain(`process ${other.pid} is another program`);
  });
});
