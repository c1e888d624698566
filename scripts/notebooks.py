#!/usr/bin/env python3
"""Build, execute and check the project's notebooks.

Each notebook has a readable source, ``notebooks/src/NN_name.md``: Markdown in which every fenced
block whose info string starts with ``ts`` becomes a code cell (``ts solution`` adds the tag
``solution``) and the text between blocks becomes Markdown
cells (a line ``+++`` splits Markdown cells). The committed ``notebooks/NN_name.ipynb`` is built from it
and executed with its outputs, without the solution cells (the students' page on GitHub); the same
execution with them is ``notebooks/solutions/NN_name.ipynb`` (worked solutions). Solution cells must
come after every other code cell, so that leaving them out changes no other output.

    notebooks.py build   [NAMES...]   write notebooks/NN.ipynb from the sources (no outputs)
    notebooks.py execute [NAMES...]   build, then execute in place (outputs committed)
    notebooks.py check   [NAMES...]   build and execute in memory; fail if the result differs from
                                      the committed notebook (sources or outputs)

Options: --kernel NAME (default: the notebook's own, ``deno``), --jobs N (default 2),
--params JSON (execute only: replaces assignments in the first code cell, e.g. '{"p": 0.05}'; checked
by scripts/params.ts against the notebook's own parameter ranges (its findings module); needs --out PATH, or --in-place
to overwrite the committed notebook on purpose), --out PATH (execute one notebook to PATH instead of in
place; checked writable before anything runs), --force (build: discard committed outputs, which build
otherwise refuses to do), --verbose (a failing cell's full traceback instead of one line).
Every file is written to a temporary name and renamed. Ctrl-C or SIGTERM stops every kernel this
script started and removes their connection files before it exits.
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
import shutil
import subprocess
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
        raise UserError(f"unterminated ```ts block at end of source (opened before line {lineno})")
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


class UserError(Exception):
    """A mistake in the command line, answered in one or two lines (no traceback)."""


PARAM_LINE = re.compile(r"^(\s*(?:export\s+)?(?:const|let)\s+(?P<name>\w+)\s*(?::[^=]+)?=\s*)(?P<value>.*?)(;?\s*(?P<comment>//.*)?)$", re.M)


def deno_params(*args: str) -> subprocess.CompletedProcess:
    """Runs scripts/params.ts (the notebooks' own parameter check, from their findings modules) under Deno."""
    deno = shutil.which("deno", path=f"{ROOT / 'node_modules' / '.bin'}{os.pathsep}{os.environ.get('PATH', '')}")
    if deno is None:
        raise UserError("--params needs Deno (run `npm run setup` first)")
    return subprocess.run([deno, "run", "-A", "--quiet", str(ROOT / "scripts" / "params.ts"), *args],
                          capture_output=True, text=True, cwd=ROOT, env={**os.environ, "NO_COLOR": "1"})


def parse_params(text: str, nb, name: str) -> dict:
    """Parses --params and checks it against the notebook's parameters (scripts/params.ts). @raises UserError."""
    def no_constant(c: str):
        raise UserError(f"--params: {c} is not a valid value (JSON numbers must be finite)")
    if text.strip() == "":
        raise UserError("--params is empty; give a JSON object, e.g. --params '{\"alphaC\": 0.5}'")
    try:
        params = json.loads(text, parse_constant=no_constant)
    except json.JSONDecodeError as e:
        raise UserError(f"--params is not valid JSON ({e.msg} at character {e.pos}); keys need double quotes, "
                        "e.g. --params '{\"alphaC\": 0.5}'") from None
    if not isinstance(params, dict):
        raise UserError(f"--params must be a JSON object of parameter values, got {type(params).__name__} "
                        f"{text.strip()[:40]}; e.g. --params '{{\"alphaC\": 0.5}}'")
    if not params:
        raise UserError("--params is an empty object; name at least one parameter")
    # names, types and ranges are checked by the notebook's own description (its findings module's
    # `defineNotebook`, the check its kernel runs), so each range is written once, in src/findings
    r = deno_params("check", name, json.dumps(params))
    if r.returncode != 0:
        lines = (r.stderr.strip() or r.stdout.strip() or f"scripts/params.ts exited with {r.returncode}").splitlines()
        raise UserError(lines[-1] if lines[-1].startswith("--params") else "\n".join(lines[-2:]))
    return params


def apply_params(nb, params: dict) -> None:
    """Replace `const|let NAME = ...;` assignments in the first code cell (the lines `parameters` reads)."""
    cell = next(c for c in nb.cells if c.cell_type == "code")
    src = cell.source
    for key, value in params.items():
        m = next((m for m in PARAM_LINE.finditer(src) if m.group("name") == key), None)
        if m is None:
            raise UserError(f"--params: no `const {key} = ...` in the first code cell")
        comment = m.group("comment")
        src = src[:m.start()] + m.group(1) + json.dumps(value) + ";" + (" " + comment if comment else "") + src[m.end():]
    cell.source = src


# Interruption. Kernels are started in their own session (jupyter_client), so Ctrl-C in the terminal
# never reaches them; without cleanup they outlive this script (~250 MB each) with their connection
# files. Every kernel this process starts gets its connection file in RUNTIME_DIR, a private temporary
# folder; on SIGINT/SIGTERM `stop_everything` kills every process whose command line names that
# folder (the kernels, and their process groups), deletes the folder and any half-written output, and
# exits at once, whatever the worker threads are doing.
RUNTIME_DIR: str | None = None
PARTIAL_FILES: set[str] = set()


def our_kernels() -> list[int]:
    """Process ids whose command line names RUNTIME_DIR (the kernels this process started)."""
    if not RUNTIME_DIR:
        return []
    pids = []
    for entry in os.listdir("/proc") if os.path.isdir("/proc") else []:
        if not entry.isdigit() or int(entry) == os.getpid():
            continue
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as f:
                if RUNTIME_DIR.encode() in f.read():
                    pids.append(int(entry))
        except OSError:
            pass
    return pids


def stop_kernels(interrupted: bool) -> int:
    """Kills the kernels this process started (SIGTERM, then SIGKILL after 2 s); returns how many."""
    import signal
    import time
    pids = our_kernels()
    # A kernel being launched by a worker thread right now may appear just after the first scan.
    for _ in range(5 if interrupted else 0):
        time.sleep(0.1)
        pids = sorted(set(pids) | set(our_kernels()))
    for sig in (signal.SIGTERM, signal.SIGKILL):
        for pid in pids:
            try:
                if os.getpgid(pid) == pid:  # a kernel leads its own session: stop its children too
                    os.killpg(pid, sig)
                else:
                    os.kill(pid, sig)
            except OSError:
                pass
        deadline = time.monotonic() + 2
        while any(_alive(p) for p in pids) and time.monotonic() < deadline:
            time.sleep(0.05)
        if not any(_alive(p) for p in pids):
            break
    return len(pids)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(") ")[-1][:1] != "Z"
    except (OSError, ValueError):
        return False


def cleanup(interrupted: bool = False) -> int:
    import shutil
    n = stop_kernels(interrupted)
    if RUNTIME_DIR:
        shutil.rmtree(RUNTIME_DIR, ignore_errors=True)
    for p in list(PARTIAL_FILES):
        try:
            os.unlink(p)
        except OSError:
            pass
    return n


STOPPING = False  # set by on_signal: the kernels it stops are not "killed" for watch_kernels


def on_signal(signum, _frame) -> None:
    import signal
    global STOPPING
    STOPPING = True
    n = cleanup(interrupted=True)
    name = signal.Signals(signum).name
    print(f"notebooks.py: {name}: stopped {n} kernel{'s' if n != 1 else ''} and removed their connection files; "
          "every file is either as before or completely rewritten", file=sys.stderr, flush=True)
    os._exit(128 + signum)


def write_atomic(path: Path, text: str) -> None:
    """Writes `text` to a temporary file beside `path` and renames it over `path`: a reader (or an
    interruption) sees either the old file or the new one, never half of it."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    PARTIAL_FILES.add(str(tmp))
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    finally:
        PARTIAL_FILES.discard(str(tmp))
        if tmp.exists():
            tmp.unlink()


def committed(path: Path) -> bool:
    """Whether `path` is a file committed to the repository (git's index; outside git: any existing file of
    the checkout's notebooks/, figures/ or data/)."""
    import subprocess
    try:
        real = path.resolve()
        rel = real.relative_to(ROOT.resolve())
    except ValueError:
        return False
    try:
        r = subprocess.run(["git", "ls-files", "--error-unmatch", "--", str(rel)], cwd=ROOT, capture_output=True)
        if r.returncode in (0, 1) and b"not a git repository" not in r.stderr:
            return r.returncode == 0
    except OSError:
        pass
    return real.exists() and rel.parts[:1] in (("notebooks",), ("figures",), ("data",))


def check_writable(path: Path) -> None:
    """Refuses an output path that cannot be written, before anything runs. @raises UserError."""
    if path.is_dir():
        raise UserError(f"--out {path} is a directory; give a file name, e.g. --out {path / 'notebook.ipynb'}")
    if committed(path):
        raise UserError(f"--out {path} is a committed file of the repository; choose a new path, e.g. --out /tmp/{path.name}")
    if path.exists() and not path.is_file():
        raise UserError(f"--out {path} is not a regular file (a FIFO, socket or device); give a file name")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        probe = path.with_name(f".{path.name}.{os.getpid()}.probe")
        probe.write_text("")
        probe.unlink()
        if path.exists() and not os.access(path, os.W_OK):
            raise PermissionError(path)
    except OSError as e:
        raise UserError(f"--out {path} cannot be written ({e.strerror or type(e).__name__}); choose a writable path") from None


def short_error(e: Exception) -> str:
    """One line for a failed execution: the cell's error name and the first line of its message."""
    ename, evalue = getattr(e, "ename", None), getattr(e, "evalue", None)
    if ename:
        first = (evalue or "").strip().splitlines()[0] if (evalue or "").strip() else ""
        return re.sub(r"\x1b\[[0-9;]*m", "", f"{ename}: {first}")
    text = re.sub(r"\x1b\[[0-9;]*m", "", str(e))
    hits = [ln.strip() for ln in text.splitlines() if re.search(r"\b\w*Error\b:", ln)]
    return (hits[-1] if hits else text.strip().splitlines()[-1] if text.strip() else type(e).__name__)[:300]


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
        self.finishing = False

    async def async_execute_cell(self, cell, *args, **kwargs):
        # watched by `watch_kernels`: a kernel killed before the sentinel cell is done (starting up or
        # executing) is an interruption; after it, jupyter_client's own shutdown signals the kernel
        try:
            return await super().async_execute_cell(cell, *args, **kwargs)
        except Exception as e:
            # a cell's own error (e.g. a parameter refused inside the kernel): nbclient now shuts the kernel
            # down, interrupting it (SIGINT), which is not an interruption from outside
            if type(e).__name__ == "CellExecutionError":
                self.finishing = True
            raise
        finally:
            if cell.get("source") == SENTINEL:
                self.finishing = True

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


# The clients executing now, watched by `watch_kernels`.
ACTIVE_CLIENTS: set = set()


def watch_kernels() -> None:
    """Ends this script, as SIGTERM would, when a kernel starting or executing is killed by a signal (`kill`
    on the kernel, the out-of-memory killer): the other notebooks' kernels are stopped too, at once,
    rather than when nbclient notices the death (a second or more later)."""
    import time
    while True:
        time.sleep(0.05)
        for client in list(ACTIVE_CLIENTS):
            process = getattr(getattr(getattr(client, "km", None), "provisioner", None), "process", None)
            # not once the cells are done: jupyter_client's own shutdown at the end interrupts and signals it
            code = process.poll() if process is not None and not client.finishing else None
            if code is not None and code < 0 and not STOPPING:
                n = cleanup(interrupted=False)  # the kernels are all started: no need to wait for more
                print(f"notebooks.py: a kernel was killed by signal {-code}; stopped the other {n} "
                      f"kernel{'s' if n != 1 else ''}, nothing was written", file=sys.stderr, flush=True)
                os._exit(128 - code)


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
    ACTIVE_CLIENTS.add(client)
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
        ACTIVE_CLIENTS.discard(client)
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
FIGURE_MIME = "text/vnd.smallness.figure"  # the figure's base name (figures/<name>.svg)
PNG_SCALE = 2  # src/display.ts NOTEBOOK_PNG_SCALE: image pixels per CSS pixel


def png_size(b64: str) -> tuple[int, int]:
    """Width and height in pixels of a base64 PNG (from its IHDR chunk)."""
    import base64
    head = base64.b64decode(b64[:64])
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("image/png output is not a PNG")
    return int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")


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
    shows the caption beneath the image (it shows only one MIME type of a bundle). The figure's name
    (`FIGURE_MIME`) moves into the output's metadata (`smallness.figure`), beside the PNG's display
    size (half its pixels: it is drawn at 2×) and alt text (the plain-text caption), which
    `jupyter nbconvert --to html` writes on the <img>."""
    number, k = notebook_number(nb), 0
    for cell in nb.cells:
        outputs = []
        for o in cell.get("outputs", []):
            outputs.append(o)
            data = o.get("data", {}) if o.get("output_type") in ("execute_result", "display_data") else {}
            name = data.pop(FIGURE_MIME, None)
            if name is not None and "image/png" in data:
                w, h = png_size(data["image/png"])
                o["metadata"] = {"image/png": {"width": round(w / PNG_SCALE), "height": round(h / PNG_SCALE),
                                               "alt": data.get("text/plain", "")},
                                 "smallness": {"figure": name}}
            caption = data.pop(CAPTION_MIME, None)
            if caption is None:
                continue
            k += 1
            text = f"**Figure {number}.{k}.** {caption}" if number is not None else f"**Figure {k}.** {caption}"
            outputs.append(nbformat.v4.new_output("display_data", data={"text/markdown": text, "text/plain": text}))
        if "outputs" in cell:
            cell.outputs = outputs
# --- end figure captions ---------------------------------------------------------------------------


# --- editions: the students' notebook and its worked solutions --------------------------------------
# One source, one execution, two committed files: `notebooks/NN.ipynb` without the solution cells
# (code cells tagged `solution`, which sit at the end, in the Exercises section, so leaving them out
# changes no other output) and `notebooks/solutions/NN.ipynb`, every cell with its outputs and a first
# Markdown cell (tagged `edition-note`) saying what it is. On GitHub a student's page shows no solution.
SOLUTIONS_DIR = NB_DIR / "solutions"
SOLUTION_TAG = "solution"
EDITION_TAG = "edition-note"


def is_solution(cell) -> bool:
    return SOLUTION_TAG in cell.get("metadata", {}).get("tags", [])


def check_solutions_last(nb, name: str) -> None:
    """Refuses a notebook where a cell that is not a solution's code runs after a solution: its outputs
    could depend on the solution, and the students' notebook would then not be the one executed."""
    seen = False
    for i, c in enumerate(nb.cells):
        if c.cell_type == "code" and c.get("source") != SENTINEL:
            if is_solution(c):
                seen = True
            elif seen:
                raise UserError(f"notebooks/src/{name}.md: code cell {i} runs after a solution cell; "
                                "solutions (```ts solution) must come after every other code cell")


def student_edition(nb):
    """The notebook without its solution cells (the committed notebooks/NN.ipynb)."""
    out = copy.deepcopy(nb)
    out.cells = [c for c in out.cells if not is_solution(c)]
    return out


def solutions_edition(nb, name: str):
    """The notebook with its worked solutions (notebooks/solutions/NN.ipynb): every cell, after a note."""
    out = copy.deepcopy(nb)
    entry = next((n for n in notebook_index() if n["id"] == name), None)
    title = f"{entry['number']} · {entry['title']}" if entry else name
    note = nbformat.v4.new_markdown_cell(
        f"> **Worked solutions.** This is *{title}* with the solution of each exercise worked out and executed "
        f"beneath it, for teachers and for checking one's own answers afterwards. The students' copy, with the "
        f"exercises only, is [`notebooks/{name}.ipynb`](../{name}.ipynb).",
        metadata={"tags": [EDITION_TAG]})
    note["id"] = cell_id(f"solutions/{name}", 0)
    out.cells.insert(0, note)
    return out


def solutions_path(name: str) -> Path:
    return SOLUTIONS_DIR / f"{name}.ipynb"
# --- end editions ----------------------------------------------------------------------------------


def dumps(nb) -> str:
    return nbformat.writes(nb) + "\n"


_INDEX: list | None = None


def notebook_index() -> list[dict]:
    """The index of the notebooks (src/notebooks.ts: id, number, title, section, summary), read once."""
    global _INDEX
    if _INDEX is None:
        r = deno_params("index")
        if r.returncode != 0:
            raise UserError(f"cannot read the notebook index (src/notebooks.ts): {r.stderr.strip()[-300:]}")
        _INDEX = json.loads(r.stdout)
    return _INDEX


def names(args: list[str]) -> list[str]:
    if args:
        return [Path(a).stem for a in args]
    return [n["id"] for n in notebook_index()]


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


def compare_kernels(name: str, executed, committed, allowed: list[dict] | None = None,
                    used: list[bool] | None = None) -> list[str]:
    """Differences between a tslab execution and the committed Deno notebook, after allowances.

    Returns human-readable problems; empty when the outputs agree. Payloads may differ only where
    notebooks/kernel_differences.json lists the cell (a substring of its source) and MIME type, and
    only in the parts its `mask` matches; every listed entry must match a real difference.
    `allowed` replaces the file's entries (for tests). `used`, when given, is shared across calls (one per
    edition of a notebook: an entry may match in the worked solutions only) and unused entries are then
    reported by the caller (`unused_entries`).
    """
    problems: list[str] = []
    allowed = allowed_differences(name) if allowed is None else [normalise_entry(e) for e in allowed]
    shared = used is not None
    used = [False] * len(allowed) if used is None else used
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
    if not shared:
        problems += unused_entries(allowed, used)
    return problems


def unused_entries(allowed: list[dict], used: list[bool]) -> list[str]:
    """The entries of notebooks/kernel_differences.json that matched no difference (to be removed)."""
    return [f"{DIFFERENCES.name}: entry {e['cell']!r} ({', '.join(e['mime'])}) matches no difference: remove it"
            for k, e in enumerate(allowed) if not used[k]]


class Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line instead of the usage block, with the valid options
        valid = ", ".join(a.option_strings[-1] + ("" if a.nargs == 0 else " VALUE")
                          for a in self._actions if a.option_strings and "--help" not in a.option_strings)
        print(f"notebooks.py: {message}; valid options: {valid} (see: npm run notebook -- --help)", file=sys.stderr)
        sys.exit(2)


def main() -> int:
    ap = Parser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("command", choices=["build", "execute", "check"])
    ap.add_argument("names", nargs="*")
    ap.add_argument("--kernel", default="deno", choices=sorted(KERNELSPECS))
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--params", default=None)
    ap.add_argument("--out", default=None)
    ap.add_argument("--in-place", action="store_true",
                    help="with --params: overwrite the committed notebook (otherwise --out is required)")
    ap.add_argument("--force", action="store_true", help="build: discard the committed outputs")
    ap.add_argument("--verbose", action="store_true", help="print a failing cell's full traceback")
    args = ap.parse_args()
    try:
        return run(args)
    except UserError as e:
        print(f"notebooks.py: {e}", file=sys.stderr)
        return 2


def run(args) -> int:
    import signal
    import tempfile
    global RUNTIME_DIR
    if args.params is not None and args.command != "execute":
        raise UserError("--params is for execute (with --out PATH to keep the committed notebook)")
    if args.out and args.command != "execute":
        raise UserError("--out is for execute")
    if args.jobs < 1:
        raise UserError(f"--jobs must be at least 1, got {args.jobs}")
    os.environ["NO_COLOR"] = "1"  # Deno's text/plain outputs carry ANSI colours otherwise
    available = [n["id"] for n in notebook_index()]
    missing = [n for n in available if not (SRC_DIR / f"{n}.md").exists()]
    if missing:
        raise UserError(f"the index (src/notebooks.ts) lists {missing[0]}, but notebooks/src/{missing[0]}.md is missing")
    todo = names(args.names)
    if not todo:
        raise UserError("no notebook sources in notebooks/src/")
    unknown = [n for n in todo if n not in available]
    if unknown:
        raise UserError(f"no notebook named {unknown[0]!r}; the notebooks are: {', '.join(available)}")
    if args.out and len(todo) != 1:
        raise UserError("--out takes exactly one notebook")
    params = None
    if args.params is not None:
        if len(todo) != 1:
            raise UserError("--params takes exactly one notebook")
        if not args.out and args.kernel == "deno" and not args.in_place:
            raise UserError(f"--params would overwrite the committed notebooks/{todo[0]}.ipynb; add --out PATH "
                            "(or --in-place to overwrite it on purpose)")
        params = parse_params(args.params, build(todo[0], args.kernel), todo[0])
    if args.out:
        check_writable(Path(args.out).absolute())
    if args.command == "build" and not args.force:
        kept = [n for n in todo if ipynb_path(n, args.kernel).exists() and any(
            c.get("outputs") for c in nbformat.read(str(ipynb_path(n, args.kernel)), as_version=4).cells)]
        if kept:
            raise UserError(f"build would discard the committed outputs of notebooks/{kept[0]}.ipynb"
                            f"{f' and {len(kept) - 1} more' if len(kept) > 1 else ''}; run `npm run notebook -- execute"
                            f"{''.join(' ' + n for n in args.names)}` (builds and executes), or add --force")

    RUNTIME_DIR = tempfile.mkdtemp(prefix="smallness-nb-")
    os.environ["JUPYTER_RUNTIME_DIR"] = RUNTIME_DIR
    tempfile.tempdir = RUNTIME_DIR  # jupyter_client makes connection files with tempfile: keep them here
    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    if hasattr(signal, "SIGHUP"):
        signal.signal(signal.SIGHUP, on_signal)
    import threading
    threading.Thread(target=watch_kernels, daemon=True).start()

    def one(name: str) -> tuple[str, bool, str]:
        nb = build(name, args.kernel)
        check_solutions_last(nb, name)
        path = Path(args.out) if args.out else ipynb_path(name, args.kernel)
        path.parent.mkdir(parents=True, exist_ok=True)
        # the committed Deno notebooks come as two editions (students', and with worked solutions)
        editions = not args.out and args.kernel == "deno"
        if args.command == "build":
            try:
                if editions:
                    SOLUTIONS_DIR.mkdir(exist_ok=True)
                    write_atomic(solutions_path(name), dumps(solutions_edition(nb, name)))
                    nb = student_edition(nb)
                write_atomic(path, dumps(nb))
            except OSError as e:
                return name, False, f"cannot write {path} ({e.strerror or type(e).__name__}); the file is as it was"
            return name, True, "built"
        if params:
            apply_params(nb, params)
        try:
            execute(nb, args.kernel)
        except Exception as e:  # CellExecutionError carries the traceback text
            if args.verbose:
                return name, False, f"execution failed:\n{e}"
            if params:  # name the notebook's parameters, not the library's argument
                given = ", ".join(f"{k} = {json.dumps(v)}" for k, v in params.items())
                return name, False, (f"the notebook refused --params {given}: {short_error(e)}\n     (no file written; "
                                     "each parameter's valid range is in the comment beside it in the first code cell)")
            return name, False, (f"execution failed: {short_error(e)}\n     (no file written; rerun with --verbose "
                                 "for the cell and its stack)")
        if args.command == "execute":
            try:
                if editions:
                    SOLUTIONS_DIR.mkdir(exist_ok=True)
                    write_atomic(solutions_path(name), dumps(solutions_edition(nb, name)))
                    write_atomic(path, dumps(student_edition(nb)))
                    return name, True, "executed (and its worked solutions)"
                write_atomic(path, dumps(nb))
            except OSError as e:  # a full disk, a folder made read-only meanwhile: one line naming the path
                return name, False, f"cannot write {path} ({e.strerror or type(e).__name__}); the file is as it was"
            return name, True, "executed"
        if args.kernel != "deno":
            problems = []
            allowed = allowed_differences(name)
            used = [False] * len(allowed)  # over both editions: an entry may match in the solutions only
            for reference, mine in ((ipynb_path(name, "deno"), student_edition(nb)),
                                    (solutions_path(name), solutions_edition(nb, name))):
                if not reference.exists():
                    return name, False, f"{reference.relative_to(ROOT)} is not committed"
                problems += compare_kernels(name, mine, nbformat.read(str(reference), as_version=4), used=used)
            problems += unused_entries(allowed, used)
            if problems:
                return name, False, "differs from the committed Deno notebook:\n" + "\n".join(dict.fromkeys(problems))
            n_allowed = len(allowed_differences(name))
            return name, True, ("matches the committed Deno notebook" +
                                (f" ({n_allowed} listed difference{'s' if n_allowed != 1 else ''})" if n_allowed else ""))
        for file, mine in ((path, student_edition(nb)), (solutions_path(name), solutions_edition(nb, name))):
            committed = file.read_text(encoding="utf-8") if file.exists() else ""
            if not committed:
                return name, False, f"{file.relative_to(ROOT)} is not committed"
            if committed != dumps(mine):
                return name, False, f"{file.relative_to(ROOT)}: " + first_difference(mine, nbformat.reads(committed, as_version=4))
        return name, True, "matches the committed notebook (and its worked solutions)"

    # Longest first (the committed notebook's size stands for its execution time): with two workers the
    # slow notebooks then overlap each other instead of one running alone at the end. Results are
    # reported in name order.
    def cost(name: str) -> int:
        p = ipynb_path(name, args.kernel)
        return p.stat().st_size if p.exists() else 0
    try:
        with ThreadPoolExecutor(max_workers=args.jobs) as pool:
            futures = {n: pool.submit(one, n) for n in sorted(todo, key=cost, reverse=True)}
            results = [futures[n].result() for n in todo]
    finally:
        cleanup()
    ok = True
    for name, good, msg in results:
        print(f"{'ok  ' if good else 'FAIL'} {args.kernel}:{name}: {msg}")
        ok = ok and good
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
