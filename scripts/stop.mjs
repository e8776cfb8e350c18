/** `npm stop`: ends the server `npm start` left running (its pid is in .kc-serve.pid). */
import { readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const PID_FILE = join(dirname(fileURLToPath(import.meta.url)), "..", ".kc-serve.pid");

let pid;
try {
  pid = Number(readFileSync(PID_FILE, "utf8"));
} catch {
  console.log("KC for Excel is not running (no .kc-serve.pid).");
  process.exit(0);
}
try {
  process.kill(pid, "SIGTERM");
  console.log(`Stopped KC for Excel (process ${pid}).`);
} catch {
  console.log(`KC for Excel was not running (stale pid ${pid}).`);
}
rmSync(PID_FILE, { force: true });
