#!/usr/bin/env python3
"""Build, execute and check the project's notebooks.

Each notebook has a readable source, ``notebooks/src/NN_name.md``: Markdown in which every fenced
block whose info string starts with ``ts`` becomes a code cell (``ts solution`` adds the tag
``solution``) and the text between blocks becomes Markdown
cells (a line ``+++`` splits Markdown cells). The committed ``notebooks/NN_name.ipynb`` is built from it
and executed with its outputs.

    notebooks.py build   [NAMES...]   write notebooks/NN.ipynb from the sources (no outputs)
    notebooks.py execute [NAMES...]   build, then execute in place (outputs committed)
    notebooks.py check   [NAMES...]   build and execute in memory; fail if the result differs from
                                      the committed notebook (sources or outputs)

Options: --kernel NAME (default: the notebook's own, ``deno``), --jobs N (default 2),
--params JSON (execute only: replaces assignments in the first code cell, e.g. '{"p": 0.05}'),
--out PATH (execute one notebook to PATH instead of in place).
Execution uses nbclient with NO_COLOR=1 and no timing metadata, so reruns are byte-identical.

The committed notebooks are the Deno-executed ones. Under ``--kernel tslab`` (Node.js TypeScript):
``execute`` writes ``notebooks/tslab/NN.ipynb`` (git-ignored, for reading or debugging), and
``check`` executes in memory and compares with the committed Deno notebook: same sources, same
outputs cell by cell (the same MIME types; Deno's ``execute_result`` and tslab's ``display_data``
count as the same), identical payloads except those listed in ``notebooks/kernel_differences.json``
(a cell, a MIME type, a mask of the parts that may differ, and why). An entry that no longer matches
a difference fails the check too, so the list stays exact.
"""
from __future__ import annotations

import argparse
import copy
import hashlib
import json
import os
import re
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

try:
    import nbformat
    from jupyter_core.utils import ensure_async
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionComplete
except ImportError:  # pragma: no cover - reported by scripts/setup.sh
    sys.exit("notebooks.py: needs nbclient and nbformat (Debian: apt-get install -y jupyter-nbconvert python3-nbclient jupyter-client)")

ROOT = Path(__file__).resolve().parent.parent
NB_DIR = ROOT / "notebooks"
SRC_DIR = NB_DIR / "src"
FENCE = re.compile(r"^```ts(?:\s+(?P<tags>[\w\- ]+))?\s*$")

KERNELSPECS = {
    "deno": {"display_name": "Deno", "language": "typescript", "name": "deno"},
    "tslab": {"display_name": "TypeScript (tslab)", "language": "typescript", "name": "tslab"},
}


def cell_id(name: str, index: int) -> str:
    return hashlib.sha1(f"{name}:{index}".encode()).hexdigest()[:8]


def parse_source(text: str) -> list[dict]:
    """Split a notebook source into cells: [{'type': 'markdown'|'code', 'source': str, 'tags': []}]."""
    cells: list[dict] = []
    buf: list[str] = []
    in_code = False
    tags: list[str] = []

    def flush_markdown() -> None:
        body = "\n".join(buf).strip("\n")
        if body.strip():
            cells.append({"type": "markdown", "source": body, "tags": []})
        buf.clear()

    for lineno, line in enumerate(text.splitlines(), 1):
        if not in_code:
            m = FENCE.match(line)
            if m:
                flush_markdown()
                in_code = True
                tags = (m.group("tags") or "").split()
            elif line.strip() == "+++":
                flush_markdown()
            else:
                buf.append(line)
        else:
            if line.strip() == "```":
                cells.append({"type": "code", "source": "\n".join(buf).strip("\n"), "tags": tags})
                buf.clear()
                in_code = False
            else:
                buf.append(line)
    if in_code:
        raise SystemExit(f"unterminated ```ts block at end of source (opened before line {lineno})")
    flush_markdown()
    return cells


def build(name: str, kernel: str = "deno") -> "nbformat.NotebookNode":
    src = SRC_DIR / f"{name}.md"
    cells = parse_source(src.read_text(encoding="utf-8"))
    nb = nbformat.v4.new_notebook()
    nb.metadata = {"kernelspec": dict(KERNELSPECS[kernel])}
    for i, c in enumerate(cells):
        meta = {"tags": c["tags"]} if c["tags"] else {}
        if c["type"] == "code":
            cell = nbformat.v4.new_code_cell(c["source"], metadata=meta)
        else:
            cell = nbformat.v4.new_markdown_cell(c["source"], metadata=meta)
        cell["id"] = cell_id(name, i)
        nb.cells.append(cell)
    return nb


def apply_params(nb, params: dict) -> None:
    """Replace `const|let NAME = ...;` assignments in the first code cell."""
    cell = next(c for c in nb.cells if c.cell_type == "code")
    src = cell.source
    for key, value in params.items():
        pat = re.compile(rf"^(\s*(?:export\s+)?(?:const|let)\s+{re.escape(key)}\s*(?::[^=]+)?=\s*)(.*?)(;?\s*(//.*)?)$", re.M)
        if not pat.search(src):
            raise SystemExit(f"--params: no `const {key} = ...` in the first code cell")
        src = pat.sub(lambda m: m.group(1) + json.dumps(value) + ";" + (" " + m.group(4) if m.group(4) else ""), src, count=1)
    cell.source = src


class OrderedClient(NotebookClient):
    """NotebookClient that keeps outputs with the cell that produced them.

    Deno's kernel (2.x) sometimes publishes a cell's `execute_result` on IOPub *after* the cell's
    `status: idle`, so a stock NotebookClient drops it (or it lands in the next cell). Such a late
    message still carries its own cell's msg_id as parent, and it arrives before the next cell's
    `busy`. This client routes output messages by parent msg_id to the cell they belong to, and runs
    one empty sentinel cell at the end so the last real cell's late outputs are collected too.
    """

    OUTPUT_TYPES = {"execute_result", "display_data", "update_display_data", "stream", "error", "clear_output"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._cells_by_msg_id = {}

    async def _async_poll_output_msg(self, parent_msg_id, cell, cell_index):
        self._cells_by_msg_id[parent_msg_id] = (cell, cell_index)
        while True:
            msg = await ensure_async(self.kc.iopub_channel.get_msg(timeout=None))
            parent = msg["parent_header"].get("msg_id")
            if parent == parent_msg_id:
                try:
                    self.process_message(msg, cell, cell_index)
                except CellExecutionComplete:
                    return
            elif parent in self._cells_by_msg_id and msg["msg_type"] in self.OUTPUT_TYPES:
                late_cell, late_index = self._cells_by_msg_id[parent]
                try:
                    self.process_message(msg, late_cell, late_index)
                except CellExecutionComplete:  # pragma: no cover - only raised for status messages
                    pass


SENTINEL = "// smallness: sentinel cell, collects late outputs of the last cell"


def execute(nb, kernel: str) -> None:
    nb.cells.append(nbformat.v4.new_code_cell(SENTINEL))
    client = OrderedClient(
        nb,
        timeout=900,
        kernel_name=kernel,
        resources={"metadata": {"path": str(NB_DIR)}},
        record_timing=False,
        allow_errors=False,
    )
    try:
        client.execute()
    except Exception as e:
        # tslab reports a failing cell on stderr and sends no `error` message: add what it printed.
        printed = [o.get("text", "") for c in nb.cells for o in c.get("outputs", [])
                   if o.get("output_type") == "stream" and o.get("name") == "stderr"]
        if printed:
            raise RuntimeError(f"{e}\n--- kernel stderr\n{printed[-1][-3000:]}") from e
        raise
    finally:
        if nb.cells and nb.cells[-1].get("source") == SENTINEL:
            nb.cells.pop()
    normalise(nb, kernel)
    split_captions(nb)


def normalise(nb, kernel: str) -> None:
    nb.metadata["kernelspec"] = dict(KERNELSPECS[kernel])
    for cell in nb.cells:
        cell.metadata.pop("execution", None)


# --- figure captions (src/display.ts `show`) -------------------------------------------------------
CAPTION_MIME = "text/vnd.smallness.caption+markdown"


def notebook_number(nb) -> int | None:
    """The NN of the notebook's source (found by its first cell's id, which `build` derives from the name)."""
    first = nb.cells[0].get("id") if nb.cells else None
    for src in sorted(SRC_DIR.glob("[0-9][0-9]_*.md")):
        if cell_id(src.stem, 0) == first:
            return int(src.stem[:2])
    return None


def split_captions(nb) -> None:
    """Moves each figure's caption (the `CAPTION_MIME` part of its bundle, Markdown) out of the image
    output into a Markdown output right after it, numbered "**Figure N.k.**" per notebook, so that GitHub
    shows the caption beneath the image (it shows only one MIME type of a bundle)."""
    number, k = notebook_number(nb), 0
    for cell in nb.cells:
        outputs = []
        for o in cell.get("outputs", []):
            outputs.append(o)
            caption = o.get("data", {}).pop(CAPTION_MIME, None) if o.get("output_type") in ("execute_result", "display_data") else None
            if caption is None:
                continue
            k += 1
            text = f"**Figure {number}.{k}.** {caption}" if number is not None else f"**Figure {k}.** {caption}"
            outputs.append(nbformat.v4.new_output("display_data", data={"text/markdown": text, "text/plain": text}))
        if "outputs" in cell:
            cell.outputs = outputs
# --- end figure captions ---------------------------------------------------------------------------


def dumps(nb) -> str:
    return nbformat.writes(nb) + "\n"


def names(args: list[str]) -> list[str]:
    if args:
        return [Path(a).stem for a in args]
    return sorted(p.stem for p in SRC_DIR.glob("*.md"))


def ipynb_path(name: str, kernel: str) -> Path:
    return NB_DIR / (f"{name}.ipynb" if kernel == "deno" else f"{kernel}/{name}.ipynb")


def first_difference(a, b) -> str:
    for i, (ca, cb) in enumerate(zip(a.cells, b.cells)):
        if ca.get("source") != cb.get("source"):
            return f"cell {i}: source differs (rebuild with `npm run reproduce`)"
        oa, ob = ca.get("outputs", []), cb.get("outputs", [])
        if oa != ob:
            sa = json.dumps(oa, indent=1, sort_keys=True)[:600]
            sb = json.dumps(ob, indent=1, sort_keys=True)[:600]
            return f"cell {i} ({ca.get('source', '')[:60]!r}): outputs differ\n--- committed\n{sb}\n--- executed\n{sa}"
    if len(a.cells) != len(b.cells):
        return f"cell count differs: executed {len(a.cells)}, committed {len(b.cells)}"
    return "metadata differs"


DIFFERENCES = NB_DIR / "kernel_differences.json"


def allowed_differences(name: str) -> list[dict]:
    """The entries of notebooks/kernel_differences.json for one notebook: {cell, mime, mask, why}.

    `mime` is one MIME type or a list of them (md() output carries the same text as text/markdown and
    text/plain, so one entry usually covers both); it is returned as a list."""
    if not DIFFERENCES.exists():
        return []
    entries = json.loads(DIFFERENCES.read_text(encoding="utf-8")).get("notebooks", {}).get(name, [])
    for e in entries:
        if not {"cell", "mime", "mask", "why"} <= set(e):
            raise SystemExit(f"{DIFFERENCES.name}: {name}: each entry needs cell, mime, mask and why: {e}")
    return [normalise_entry(e) for e in entries]


def normalise_entry(e: dict) -> dict:
    """An allowed-difference entry with `mime` as a list."""
    return dict(e, mime=[e["mime"]] if isinstance(e["mime"], str) else list(e["mime"]))


def masked_equal(mask: str, a: str, b: str) -> bool:
    """Whether two payloads agree once the parts matching `mask` (a regular expression) are blanked."""
    return re.sub(mask, "…", a) == re.sub(mask, "…", b)


def output_signature(o) -> tuple:
    """What must agree between kernels for one output: its kind and MIME types (or stream name)."""
    if o.get("output_type") == "stream":
        return ("stream", o.get("name"))
    if o.get("output_type") in ("execute_result", "display_data"):
        return ("data", tuple(sorted(o.get("data", {}))))
    return (o.get("output_type"),)


def compare_kernels(name: str, executed, committed, allowed: list[dict] | None = None) -> list[str]:
    """Differences between a tslab execution and the committed Deno notebook, after allowances.

    Returns human-readable problems; empty when the outputs agree. Payloads may differ only where
    notebooks/kernel_differences.json lists the cell (a substring of its source) and MIME type, and
    only in the parts its `mask` matches; every listed entry must match a real difference.
    `allowed` replaces the file's entries (for tests).
    """
    problems: list[str] = []
    allowed = allowed_differences(name) if allowed is None else [normalise_entry(e) for e in allowed]
    used = [False] * len(allowed)
    if len(executed.cells) != len(committed.cells):
        return [f"cell count differs: tslab {len(executed.cells)}, committed {len(committed.cells)}"]
    for i, (ce, cc) in enumerate(zip(executed.cells, committed.cells)):
        src = cc.get("source", "")
        where = f"cell {i} ({src.splitlines()[0][:60] if src else ''!r})"
        if ce.get("source") != src:
            problems.append(f"{where}: source differs (rebuild with `npm run reproduce`)")
            continue
        if cc.cell_type != "code":
            continue
        oe, oc = ce.get("outputs", []), cc.get("outputs", [])
        if [output_signature(o) for o in oe] != [output_signature(o) for o in oc]:
            problems.append(f"{where}: outputs are not of the same kinds: tslab {[output_signature(o) for o in oe]}, "
                            f"deno {[output_signature(o) for o in oc]}")
            continue
        for a, b in zip(oe, oc):
            pairs = [("stream", a.get("text"), b.get("text"))] if a.get("output_type") == "stream" else \
                [(m, a["data"][m], b["data"][m]) for m in sorted(b.get("data", {}))]
            for mime, got, want in pairs:
                if got == want:
                    continue
                hits = [k for k, e in enumerate(allowed) if e["cell"] in src and mime in e["mime"]]
                masked = [k for k in hits if masked_equal(allowed[k]["mask"], str(got), str(want))]
                for k in hits:
                    used[k] = True
                if masked:
                    continue
                if hits:
                    got, want = (re.sub(allowed[hits[0]]["mask"], "…", str(x)) for x in (got, want))
                g, w = str(got), str(want)
                at = next((j for j in range(min(len(g), len(w))) if g[j] != w[j]), min(len(g), len(w)))
                outside = " outside the mask listed for it" if hits else ""
                problems.append(f"{where}: {mime} differs{outside} at character {at}:\n  deno:  {w[max(0, at - 80):at + 80]!r}\n"
                                f"  tslab: {g[max(0, at - 80):at + 80]!r}")
    for k, e in enumerate(allowed):
        if not used[k]:
            problems.append(f"{DIFFERENCES.name}: entry {e['cell']!r} ({', '.join(e['mime'])}) matches no difference: remove it")
    return problems


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("command", choices=["build", "execute", "check"])
    ap.add_argument("names", nargs="*")
    ap.add_argument("--kernel", default="deno", choices=sorted(KERNELSPECS))
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--params", default=None)
    ap.add_argument("--out", default=None)
    args = ap.parse_args()
    if args.params and args.command != "execute":
        ap.error("--params is for execute (with --out to keep the committed notebook)")
    os.environ["NO_COLOR"] = "1"  # Deno's text/plain outputs carry ANSI colours otherwise
    todo = names(args.names)
    if not todo:
        print("notebooks.py: no notebook sources in notebooks/src/", file=sys.stderr)
        return 1

    def one(name: str) -> tuple[str, bool, str]:
        nb = build(name, args.kernel)
        path = Path(args.out) if args.out else ipynb_path(name, args.kernel)
        path.parent.mkdir(parents=True, exist_ok=True)
        if args.command == "build":
            path.write_text(dumps(nb), encoding="utf-8")
            return name, True, "built"
        if args.params:
            apply_params(nb, json.loads(args.params))
        try:
            execute(nb, args.kernel)
        except Exception as e:  # CellExecutionError carries the traceback text
            return name, False, f"execution failed:\n{e}"
        text = dumps(nb)
        if args.command == "execute":
            path.write_text(text, encoding="utf-8")
            return name, True, "executed"
        if args.kernel != "deno":
            reference = ipynb_path(name, "deno")
            if not reference.exists():
                return name, False, f"{reference.relative_to(ROOT)} is not committed"
            problems = compare_kernels(name, nb, nbformat.read(str(reference), as_version=4))
            if problems:
                return name, False, "differs from the committed Deno notebook:\n" + "\n".join(problems)
            n_allowed = len(allowed_differences(name))
            return name, True, ("matches the committed Deno notebook" +
                                (f" ({n_allowed} listed difference{'s' if n_allowed != 1 else ''})" if n_allowed else ""))
        committed = path.read_text(encoding="utf-8") if path.exists() else ""
        if committed == text:
            return name, True, "matches the committed notebook"
        if not committed:
            return name, False, f"{path.relative_to(ROOT)} is not committed"
        return name, False, first_difference(nb, nbformat.reads(committed, as_version=4))

    if args.out and len(todo) != 1:
        print("notebooks.py: --out takes exactly one notebook", file=sys.stderr)
        return 2
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        results = list(pool.map(one, todo))
    ok = True
    for name, good, msg in results:
        print(f"{'ok  ' if good else 'FAIL'} {args.kernel}:{name}: {msg}")
        ok = ok and good
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
