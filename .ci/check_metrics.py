"""CI check: a run directory's metrics.json has every required record, all values finite."""
import json, math, sys
from pathlib import Path

KEYS = ['seed', 'model', 'protocol', 'mode', 'destination_reach', 'od_cell_match', 'jsd_distance', 'jsd_radius',
        'jsd_duration', 'hausdorff_km', 'dtw_km', 'edr', 'paired_fraction', 'n']
NEEDED_MODELS = {'vanilla', 'distilled', 'noise_floor', 'shortest_length', 'shortest_time', 'markov'}
run = Path(sys.argv[1])
records = json.loads((run/'metrics.json').read_text())
problems = [f"record {i} lacks {k}" for i, r in enumerate(records) for k in KEYS if k not in r]
problems += [f"record {i} {k} = {r[k]!r} is not finite" for i, r in enumerate(records)
             for k in KEYS[4:] if k in r and not (isinstance(r[k], (int, float)) and math.isfinite(r[k]))]
seen = {(r['model'], r['protocol'], r['mode']) for r in records}
problems += [f"missing ({m}, {p}, {mode})" for m in NEEDED_MODELS for p in ('train_od', 'test_od', 'od_disjoint')
             for mode in ('fixed', 'paper') if (m, p, mode) not in seen]
for f in ('config.json', 'metrics.json'):
    if not (run/f).exists(): problems.append(f"{f} missing")
print(f"{len(records)} records, {len(seen)} (model, protocol, mode) combinations")
print('\n'.join(problems) if problems else 'metrics.json: complete and finite')
sys.exit(1 if problems else 0)
