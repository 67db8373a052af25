"""CI check: every run directory under the given out_dir has a metrics.json with every required record, all finite."""
import json, math, sys
from pathlib import Path

KEYS = ['seed', 'model', 'protocol', 'mode', 'destination_reach', 'od_cell_match', 'jsd_distance', 'jsd_radius',
        'jsd_duration', 'hausdorff_km', 'dtw_km', 'edr', 'paired_fraction', 'n']
NEEDED_MODELS = {'vanilla', 'distilled', 'noise_floor', 'shortest_length', 'shortest_time', 'markov'}
def problems_of(run: Path) -> list:
    "What is missing or non-finite in one run directory."
    if not (run/'metrics.json').exists(): return [f"{run}: metrics.json missing"]
    records = json.loads((run/'metrics.json').read_text())
    out = [f"record {i} lacks {k}" for i, r in enumerate(records) for k in KEYS if k not in r]
    out += [f"record {i} {k} = {r[k]!r} is not finite" for i, r in enumerate(records)
            for k in KEYS[4:] if k in r and not (isinstance(r[k], (int, float)) and math.isfinite(r[k]))]
    seen = {(r['model'], r['protocol'], r['mode']) for r in records}
    out += [f"missing ({m}, {p}, {mode})" for m in NEEDED_MODELS for p in ('train_od', 'test_od', 'od_disjoint')
            for mode in ('fixed', 'paper') if (m, p, mode) not in seen]
    print(f"{run.name}: {len(records)} records, {len(seen)} (model, protocol, mode) combinations")
    return [f"{run.name}: {p}" for p in out]

runs = [d for d in sorted(Path(sys.argv[1]).iterdir()) if (d/'config.json').exists()]
problems = [p for run in runs for p in problems_of(run)] if runs else [f"no run directory under {sys.argv[1]}"]
print('\n'.join(problems) if problems else 'metrics.json: complete and finite')
sys.exit(1 if problems else 0)
