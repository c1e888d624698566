/**
 * `npm run train -- EXPERIMENT [OPTIONS]`: runs one of the project's training sweeps, whose results are
 * committed data (read by the notebooks like published runs). Each experiment is a module in
 * `scripts/train/` exporting `main(args: string[]): Promise<number>` (the exit code) and a one-line
 * `summary`; it prints its progress, checkpoints as it goes, resumes after an interruption and writes its
 * CSVs atomically.
 *
 * Usage: npm run train -- teacher-student [--reduced] [--fresh]
 *        npm run train -- lm [--reduced] [--fresh]
 */
import { fileURLToPath } from "node:url";

/** The experiments, by the name given on the command line. */
const EXPERIMENTS: Record<string, string> = {
  "teacher-student": "./train/teacher_student.ts",
  lm: "./train/lm.ts",
};

const ROOT = fileURLToPath(new URL("..", import.meta.url));
Deno.chdir(ROOT);

const [name, ...rest] = Deno.args;
const valid = Object.keys(EXPERIMENTS).join(", ");
if (name === undefined || name === "--help" || name === "-h") {
  console.log(`usage: npm run train -- EXPERIMENT [OPTIONS]; experiments: ${valid}`);
  Deno.exit(name === undefined ? 2 : 0);
}
if (!(name in EXPERIMENTS)) {
  console.error(`train: unknown experiment ${JSON.stringify(name)}; valid: ${valid}`);
  Deno.exit(2);
}
const experiment = await import(EXPERIMENTS[name]) as { main(args: string[]): Promise<number> };
Deno.exit(await experiment.main(rest));
