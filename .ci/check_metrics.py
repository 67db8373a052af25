"""CI check: every run directory under the given out_dir has a metrics.json with every required record; each metric
is a finite number, or null with a note saying why (a skipped protocol, nothing to pair); the file is strict JSON."""
import json, math, sys
from pathlib import Path

KEYS = ['seed', 'model', 'protocol', 'mode', 'destination_reach', 'od_cell_match', 'jsd_distance', 'jsd_radius',
        'jsd_duration', 'hausdorff_km', 'dtw_km', 'edr', 'paired_fraction', 'n']
NEEDED_MODELS = {'vanilla', 'distilled', 'noise_floor', 'shortest_length', 'shortest_time', 'markov'}

def not_json(constant): raise ValueError(f"{constant} is not valid JSON")

def problems_of(run: Path) -> list:
    "What is missing, non-finite or unexplained in one run directory."
    if not (run/'metrics.json').exists(): return [f"{run}: metrics.json missing"]
    try: records = json.loads((run/'metrics.json').read_text(), parse_constant=not_json)
    except ValueError as e: return [f"{run.name}: metrics.json: {e}"]
    out = [f"record {i} lacks {k}" for i, r in enumerate(records) for k in KEYS if k not in r]
    for i, r in enumerate(records):
        for k in KEYS[4:]:
            v = r.get(k, 0)
            if v is None and not r.get('note'): out.append(f"record {i} {k} is null without a note")
            elif v is not None and not (isinstance(v, (int, float)) and math.isfinite(v)): out.append(f"record {i} {k} = {v!r}")
    seen = {(r['model'], r['protocol'], r['mode']) for r in records}
    out += [f"missing ({m}, {p}, {mode})" for m in NEEDED_MODELS for p in ('train_od', 'test_od', 'od_disjoint')
            for mode in ('fixed', 'paper') if (m, p, mode) not in seen]
    seeds = sorted({r['seed'] for r in records})
    print(f"{run.name}: {len(records)} records, seeds {seeds}, {len(seen)} (model, protocol, mode) combinations, "
          f"{sum(r.get('note') is not None for r in records)} with a note")
    return [f"{run.name}: {p}" for p in out]

runs = [d for d in sorted(Path(sys.argv[1]).iterdir()) if (d/'config.json').exists()]
problems = [p for run in runs for p in problems_of(run)] if runs else [f"no run directory under {sys.argv[1]}"]
print('\n'.join(problems) if problems else 'metrics.json: complete, finite or explained')
sys.exit(1 if problems else 0)
