/**
 * The worker behind `removeOnSignal` (scripts/cli.ts): a thread of its own that answers SIGINT, SIGTERM
 * and SIGHUP while the main thread is busy with synchronous work (a listener on the main thread would
 * wait for that work to end: a minute, for a site build computing its analyses). On a signal it removes
 * the paths it was given and ends the whole process at once, with 128 + the signal's number, as a shell
 * reports a process a signal ended. Private to scripts/cli.ts.
 *
 * @module
 */
import { rmSync } from "node:fs";

const SIGNALS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const;

let paths: string[] = [];
// deno-lint-ignore no-explicit-any
(self as any).onmessage = (e: MessageEvent<{ paths: string[] }>) => {
  paths = e.data.paths;
  // deno-lint-ignore no-explicit-any
  (self as any).postMessage("listening");
};

/** Ends the process (not only this worker, which `Deno.exit` would end) with `code`. */
function exitProcess(code: number): never {
  try {
    const libc = Deno.dlopen("libc.so.6", { _exit: { parameters: ["i32"], result: "void" } });
    libc.symbols._exit(code);
  } catch { /* no libc to call: the process ends by SIGKILL instead */ }
  Deno.kill(Deno.pid, "SIGKILL");
  throw new Error("unreachable");
}

for (const [name, number] of Object.entries(SIGNALS) as [Deno.Signal, number][]) {
  Deno.addSignalListener(name, () => {
    for (const p of paths) rmSync(p, { recursive: true, force: true });
    exitProcess(128 + number);
  });
}
