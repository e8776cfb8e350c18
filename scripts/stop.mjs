/**
 * `npm stop`: ends the server `npm start` left running. `npm start` writes its process id to .kc-serve.pid
 * (KC_SERVE_PID_FILE names another file). The file is trusted only as far as it checks out: it must hold one positive
 * integer, and that process must be Node running this checkout's scripts/start.mjs. Anything else (an empty file,
 * 0, -1, a stale id now used by another program) signals nothing: the file is removed and the reason printed.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, readlinkSync, realpathSync, rmSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const SCRIPTS = dirname(fileURLToPath(import.meta.url));
const ROOT = join(SCRIPTS, "..");
const SERVER = realpathSync(join(SCRIPTS, "start.mjs"));
const PID_FILE = process.env.KC_SERVE_PID_FILE || join(ROOT, ".kc-serve.pid");

/** The id in the pid file's text, or null unless the text is exactly one positive integer (and a newline). */
function parsePid(text) {
  const m = /^([1-9][0-9]{0,9})\n?$/.exec(text);
  const pid = m ? Number(m[1]) : NaN;
  return pid <= 2 ** 31 - 1 ? pid : null;
}

/** Splits a command line as ps and Windows print it: words, or "quoted words". */
const words = (line) => [...line.trim().matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]);

/**
 * The arguments and working directory of process `pid`, or null if there is no such process. Linux reads /proc; other
 * systems ask ps or Windows for the command line, without the working directory (npm runs scripts in the checkout).
 */
function processOf(pid) {
  try {
    if (process.platform === "linux") {
      const args = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
      if (args.at(-1) === "") args.pop();
      return { args, cwd: readlinkSync(`/proc/${pid}/cwd`) };
    }
    const line =
      process.platform === "win32"
        ? execFileSync("powershell.exe", ["-NoProfile", "-NonInteractive", "-Command", `(Get-CimInstance Win32_Process -Filter 'ProcessId=${pid}').CommandLine`], { encoding: "utf8" })
        : execFileSync("ps", ["-o", "command=", "-p", String(pid)], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
    return line.trim() ? { args: words(line), cwd: ROOT } : null;
  } catch {
    return null;
  }
}

/** Whether the process is Node with this checkout's scripts/start.mjs as its script. */
function isOurServer({ args, cwd }) {
  const [program, ...rest] = args;
  if (!program || !/^node(js)?(\.exe)?$/i.test(basename(program))) return false;
  const script = rest.find((arg) => !arg.startsWith("-"));
  try {
    return script !== undefined && realpathSync(resolve(cwd, script)) === SERVER;
  } catch {
    return false;
  }
}

function main() {
  let text;
  try {
    text = readFileSync(PID_FILE, "utf8");
  } catch {
    console.log(`KC for Excel is not running (no ${PID_FILE}).`);
    return 0;
  }
  const pid = parsePid(text);
  if (pid === null) {
    rmSync(PID_FILE, { force: true });
    console.error(`${PID_FILE} held ${JSON.stringify(text.slice(0, 40))}, not a process id: nothing was stopped, and the file is removed.`);
    return 1;
  }
  const found = processOf(pid);
  if (!found || !isOurServer(found)) {
    rmSync(PID_FILE, { force: true });
    const what = found ? `process ${pid} is another program (${found.args.join(" ").slice(0, 80)})` : `no process ${pid} exists`;
    console.log(`KC for Excel was not running: ${what}. Nothing was stopped; the stale ${PID_FILE} is removed.`);
    return 0;
  }
  process.kill(pid, "SIGTERM");
  rmSync(PID_FILE, { force: true });
  console.log(`Stopped KC for Excel (process ${pid}).`);
  return 0;
}

process.exitCode = main();
