#!/usr/bin/env python
"""Run the lesson notebooks as `nbdev_test` does and keep their small outputs, so a reader on a code host sees the
tables, plots and printed numbers each lesson produces.

    python .ci/fill_outputs.py [nbs/03_student.ipynb ...]     # default: every lesson notebook (nbs/0*.ipynb)

Cells flagged with a test flag (`#| slow`, `#| cuda`) are not run and keep whatever output they have. Progress bars
(stderr, widgets) and any output over `MAX_OUTPUT_BYTES` are dropped; run `nbdev_clean` afterwards."""
import json, os, re, sys
from pathlib import Path

os.environ.setdefault('TQDM_DISABLE', '1')          # no progress bars in committed outputs
os.environ.setdefault('OMP_NUM_THREADS', '1')
from execnb.nbio import read_nb, write_nb
from execnb.shell import CaptureShell
from nbdev.config import get_config

MAX_OUTPUT_BYTES = 120_000
FLAGS = set(get_config().tst_flags.split())


def skipped(cell) -> bool:
    "True for cells `nbdev_test` does not run: markdown, export-only and flagged cells."
    if cell.cell_type != 'code': return True
    directives = set(re.findall(r'^#\|\s*(\w+)', cell.source, flags=re.M))
    return bool(directives & FLAGS)


def small_outputs(outputs: list) -> list:
    "The outputs worth committing: no stderr, no widgets, nothing over `MAX_OUTPUT_BYTES`."
    keep = []
    for o in outputs:
        if o.get('name') == 'stderr': continue
        data = o.get('data', {})
        if 'application/vnd.jupyter.widget-view+json' in data: continue
        if len(json.dumps(o)) > MAX_OUTPUT_BYTES: continue
        keep.append(o)
    return keep


def fill(path: Path):
    "Execute `path` in place (from its folder), keeping small outputs of the cells that ran."
    nb = read_nb(path)
    shell = CaptureShell(path, mpl_format='png')
    cwd = os.getcwd()
    os.chdir(path.parent)
    try: shell.run_all(nb, exc_stop=True, preproc=skipped)
    finally: os.chdir(cwd)
    for cell in nb.cells:
        if not skipped(cell): cell.outputs = small_outputs(cell.get('outputs', []))
    write_nb(nb, path)
    print(f"{path}: {sum(len(c.get('outputs', [])) for c in nb.cells if c.cell_type == 'code')} outputs kept")


if __name__ == '__main__':
    paths = [Path(p) for p in sys.argv[1:]] or sorted(Path(get_config().nbs_path).glob('0*.ipynb'))
    for p in paths: fill(p)
