#!/usr/bin/env python
"""Run a notebook's code cells with plain Python where Jupyter is not installed (the lent GPU machine), keeping what
each cell prints; then, back here, put those outputs into the notebook.

    python .ci/device_run.py run nbs/bench_gpu.ipynb OUT.json [name=value ...]   # there; values are Python literals
    python .ci/device_run.py run nbs/bench_gpu.ipynb OUT.json --until=c005        # only the cells up to c005
    python .ci/device_run.py run nbs/02_teacher.ipynb OUT.json --skip=slow         # a lesson as nbdev_test --flags cuda runs it
    python .ci/device_run.py merge nbs/bench_gpu.ipynb OUT.json                   # here; then run nbdev_clean

Cells run in order in one namespace, from the notebook's folder; `name=value` pairs are set right after the cell tagged
`parameters` (as papermill would) and printed as that cell's output. OUT.json is rewritten after every cell, so a run
stopped by a time limit keeps what it printed so far; the first failing cell stops the run and keeps its traceback.
`--skip=FLAG` leaves out the cells carrying the nbdev flag `#| FLAG` (and `#| eval: false` cells always)."""
import __future__, ast, io, json, os, sys, time, traceback
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path


class Tee(io.TextIOBase):
    "A text stream that writes through to `stream` and keeps a copy."
    def __init__(self, stream): self.stream, self.kept = stream, io.StringIO()
    def write(self, s):
        self.stream.write(s); self.stream.flush()
        return self.kept.write(s)
    def flush(self): self.stream.flush()


def stream_outputs(out: Tee, err: Tee) -> list:
    "nbformat stream outputs of what a cell printed (stderr: progress lines)."
    return [dict(output_type='stream', name=name, text=t.kept.getvalue().splitlines(keepends=True))
            for name, t in (('stdout', out), ('stderr', err)) if t.kept.getvalue()]


def save(path: Path, record: dict):
    "Write `record` as JSON atomically."
    tmp = path.with_suffix('.tmp')
    tmp.write_text(json.dumps(record, indent=1)); os.replace(tmp, path)


def flags(source: str) -> set:
    "The nbdev directives at the top of a cell, e.g. {'slow', 'export', 'eval: false'}."
    return {line[3:].strip() for line in source.splitlines() if line.startswith('#| ')}


def run(notebook: Path, out_json: Path, overrides: dict, until: str | None = None, skip: str | None = None):
    """Execute the code cells of `notebook` (up to the cell with id `until`, without those flagged `skip`), recording
    their outputs by cell id in `out_json`."""
    cells = [c for c in json.loads(notebook.read_text())['cells'] if c['cell_type'] == 'code'
             and not flags(''.join(c['source'])) & {skip, 'eval: false'}]
    record, namespace, t0 = dict(notebook=str(notebook), parameters=overrides, outputs={}, seconds={}), {}, time.time()
    future = 0                               # `from __future__ import annotations` in a cell holds for the later ones, as in Jupyter
    os.chdir(notebook.parent)
    for cell in cells:
        source, is_parameters = ''.join(cell['source']), 'parameters' in cell.get('metadata', {}).get('tags', [])
        out, err, started = Tee(sys.stdout), Tee(sys.stderr), time.time()
        with redirect_stdout(out), redirect_stderr(err):
            try:
                code = compile(source, f"<cell {cell['id']}>", 'exec', flags=future, dont_inherit=True)
                future |= code.co_flags & __future__.annotations.compiler_flag
                exec(code, namespace)
                if is_parameters:
                    namespace.update(overrides)
                    print('parameters set for this run:', ', '.join(f'{k} = {v!r}' for k, v in overrides.items()) or 'none')
                error = None
            except BaseException as e:          # KeyboardInterrupt and SystemExit too: keep what came before
                error = dict(output_type='error', ename=type(e).__name__, evalue=str(e),
                             traceback=traceback.format_exception(e))
                traceback.print_exc()
        record['outputs'][cell['id']] = stream_outputs(out, err) + ([error] if error else [])
        record['seconds'][cell['id']] = round(time.time() - started, 1)
        record['total_seconds'] = round(time.time() - t0, 1)
        save(out_json, record)
        if error: sys.exit(f"cell {cell['id']} failed: {error['ename']}: {error['evalue']}")
        if cell['id'] == until: break


def merge(notebook: Path, out_json: Path):
    "Put the recorded outputs into `notebook`'s cells (by id); cells the run did not reach keep theirs."
    nb, record = json.loads(notebook.read_text()), json.loads(out_json.read_text())
    for cell in nb['cells']:
        if cell['cell_type'] == 'code' and cell['id'] in record['outputs']:
            cell['outputs'] = record['outputs'][cell['id']]
    notebook.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + '\n')
    print(f"{notebook}: outputs of {len(record['outputs'])} cells from {out_json} ({record.get('total_seconds')} s)")


if __name__ == '__main__':
    if len(sys.argv) < 4 or sys.argv[1] not in ('run', 'merge'): sys.exit(__doc__)
    verb, notebook, out_json = sys.argv[1], Path(sys.argv[2]).resolve(), Path(sys.argv[3]).resolve()
    if verb == 'merge': merge(notebook, out_json)
    else:
        option = lambda name: next((a.split('=', 1)[1] for a in sys.argv[4:] if a.startswith(f'--{name}=')), None)
        run(notebook, out_json, {k: ast.literal_eval(v) for k, v in (a.split('=', 1) for a in sys.argv[4:]
                                                                     if not a.startswith('--'))}, option('until'), option('skip'))
