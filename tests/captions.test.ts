/**
 * Figure captions as Markdown beneath every figure: `show()` (src/display.ts) puts the caption into the
 * figure's bundle under `CAPTION_MIME`, and the executor (scripts/notebooks.py, `split_captions`) moves
 * it into a `text/markdown` output of its own right after the image, numbered "**Figure N.k.**" per
 * notebook, because GitHub renders only one MIME type of a bundle (the PNG).
 */
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { CAPTION_MIME } from "../src/display";

describe("the executor's caption split (scripts/notebooks.py split_captions)", () => {
  const script = `
import json, sys
sys.path.insert(0, "scripts")
import nbformat
from notebooks import build, split_captions, CAPTION_MIME, FIGURE_MIME
nb = build("03_pedestal")
code = [c for c in nb.cells if c.cell_type == "code"]
png = "iVBORw0KGgoAAAANSUhEUgAAAtAAAAG4CAYAAAB1ZQ=="  # a PNG header: 720 × 440 pixels
fig = {"image/png": png, "text/plain": "alt", CAPTION_MIME: "N<sub>crit</sub> against p", FIGURE_MIME: "figure2_critical_size"}
code[1].outputs = [nbformat.v4.new_output("execute_result", data=dict(fig), execution_count=1)]
code[2].outputs = [nbformat.v4.new_output("display_data", data={"text/markdown": "x", "text/plain": "x"})]
code[3].outputs = [nbformat.v4.new_output("display_data", data=dict(fig))]
split_captions(nb)
print(json.dumps({"mime": CAPTION_MIME, "outputs": [c.outputs for c in code[1:4]]}))
`;
  const python = execFileSync("bash", ["scripts/python.sh"], { encoding: "utf8" }).trim();
  const r = JSON.parse(execFileSync(python, ["-c", script], { encoding: "utf8" })) as {
    mime: string;
    outputs: { output_type: string; data: Record<string, string>; metadata: Record<string, unknown> }[][];
  };

  it("uses the MIME type src/display.ts writes", () => {
    expect(r.mime).toBe(CAPTION_MIME);
  });
  it("follows each image with its numbered caption as Markdown, and takes the caption out of the image's bundle", () => {
    const [first, plain, second] = r.outputs;
    expect(first.map((o) => o.output_type)).toEqual(["execute_result", "display_data"]);
    expect(Object.keys(first[0].data).sort()).toEqual(["image/png", "text/plain"]);
    // the figure's name and the PNG's display size (half its pixels: drawn at 2×) and alt text go in the metadata
    expect(first[0].metadata).toEqual({
      "image/png": { width: 360, height: 220, alt: "alt" },
      smallness: { figure: "figure2_critical_size" },
    });
    expect(first[1].data["text/markdown"]).toBe("**Figure 3.1.** N<sub>crit</sub> against p");
    expect(plain).toHaveLength(1); // a Markdown output without a caption is left alone
    expect(second[1].data["text/markdown"]).toBe("**Figure 3.2.** N<sub>crit</sub> against p");
  });
});

describe("captions in the committed notebooks", () => {
  const notebooks = readdirSync("notebooks").filter((f) => /^\d\d_.*\.ipynb$/.test(f)).sort();
  for (const file of notebooks) {
    it(`${file}: every figure is followed by its numbered Markdown caption, and no caption is left in a bundle`, () => {
      const nb = JSON.parse(readFileSync(`notebooks/${file}`, "utf8")) as {
        cells: { outputs?: { data?: Record<string, string | string[]> }[] }[];
      };
      const n = Number(file.slice(0, 2));
      let k = 0;
      for (const c of nb.cells) {
        const outs = c.outputs ?? [];
        outs.forEach((o, i) => {
          const data = o.data ?? {};
          expect(data[CAPTION_MIME], `${file}: caption left inside a bundle`).toBeUndefined();
          if (data["image/png"] === undefined && data["image/svg+xml"] === undefined) return;
          k++;
          const next = [outs[i + 1]?.data?.["text/markdown"] ?? ""].flat().join("");
          expect(next, `${file}: figure ${k}`).toMatch(new RegExp(`^\\*\\*Figure ${n}\\.${k}\\.\\*\\* \\S`));
        });
      }
    });
  }
});
