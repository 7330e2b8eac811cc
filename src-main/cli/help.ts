/**
 * `mixscope <command> --help`: each command's own usage and options, and `mixscope --version`.
 * `report` prints its own usage (commands/report.ts). A test checks that every option a command
 * accepts is described here.
 */
import { readFileSync } from 'node:fs';

export const COMMAND_HELP: Record<string, string> = {
  list: `usage: mixscope list [--json]

  Every registered mixer with its forms, tensors and parameters, and the backends.
  --json       the same as JSON
`,
  probe: `usage: mixscope probe [--json]

  Hosts, adapters, limits, and the backends each offers on this machine.
  --json       the same as JSON
`,
  compute: `usage: mixscope compute --mixer ID [--form F] --in DIR --out Y.npy [--param k=v]... [--dtype D]

  Runs one form on your tensors: reads DIR/Q.npy, DIR/K.npy, ... (see mixscope list), writes Y.
  --mixer ID     the mixer (required)
  --form F       its form (default: the first)
  --in DIR       folder of the input .npy files (required)
  --out Y.npy    the output file (required)
  --param k=v    a mixer parameter, repeatable
  --dtype D      float64 (default) or float32 (the CPU kernels; float16 is refused: it exists only on wgsl)
`,
  verify: `usage: mixscope verify [--mixer ID] [--form F] [--L n] [--backend ID] [--dtype D] [--d n] [--dv n] [--state n]

  Every form (or the one named) against the float64 reference; exit 1 on any failure.
  --mixer ID     one mixer (default: all)
  --form F       one form of that mixer (needs --mixer)
  --L n          sequence length (default 64)
  --backend ID   the backend to check (default js)
  --dtype D      float64, float32 or float16 (float16: wgsl on an adapter with shader-f16; refused with the reason elsewhere)
  --d n, --dv n, --state n   sizes (default 16, 16, 8)
`,
  run: `usage: mixscope run [options]

  A sweep on this machine: every selected form at every length; writes FILE.json and FILE.csv
  after every point (Ctrl-C keeps what was measured).
  --quick                 the quick profile: L = 128…2048, few samples
  --mixers a,b            mixers to run (default: all)
  --forms f,mixer:f       forms to run (a bare form applies to every mixer that has it)
  --lengths 128,256       sequence lengths
  --backends js,wgsl      backends to run on (see mixscope probe)
  --dtype D               float32 (default), float64, or float16 (wgsl on an adapter with shader-f16; refused with the reason when no backend offers it)
  --reps n                timed samples at least
  --warmup n              untimed runs after the first
  --min-time ms           sample until this much time is spent
  --time-budget ms        longest one sample may take
  --memory-budget 2GiB    most memory one point may hold
  --d n, --dv n, --state n, --heads n, --batch n   sizes
  --seed n                input seed
  --param mixer.k=v       a mixer parameter, repeatable
  --no-verify             skip the float64 reference check
  --no-calibrate          skip the roofline calibration
  --out FILE.json         the record (default runs/<id>.json)
  --report FILE           also write a report (.html, .md, .pdf or .csv) when the run ends
`,
  focus: `usage: mixscope focus [--mixers a,b] [--lengths ..] [--q-norms ..] [--trials n] [--seed n] [--json]

  Attention focus: sparsity S(a) of the effective attention rows against L and ‖q‖, with the closed forms.
  --mixers a,b    mixers (default: those with an attention row)
  --lengths ..    lengths for S against L
  --q-norms ..    query norms for S against ‖q‖
  --trials n      Monte-Carlo trials per point
  --seed n        seed
  --json          the curves as JSON
`,
  serve: `usage: mixscope serve [--port N] [--data DIR]

  The app in a browser at http://127.0.0.1:N/ (web mode, for headless machines).
  --port N       port (default: any free port)
  --data DIR     the app's data folder (runs, history)
`,
  compare: `usage: mixscope compare BASE OTHER [MORE...] [options]

  Compares runs point by point against the first (the baseline). BASE and OTHER are run records
  (.json) or reports (.html); one run with --pair compares two of its backends.
  Each row: ratio of medians (other / baseline; above 1 is slower), its 95% bootstrap CI, the
  Mann–Whitney p and Benjamini–Hochberg q over all rows, and a verdict: same when the CI lies
  within the threshold or q ≥ 0.05; insufficient under 5 samples a side; not-comparable when a
  point is not ok or failed verification.
  --pair A:B          backend A of the baseline against backend B of the others (default: same backend)
  --threshold 0.05    noise threshold, a fraction
  --seed n            bootstrap seed (default 1)
  --resamples n       bootstrap resamples per row (default 2000)
  --json              print the comparison (format mixscope-comparison) as JSON
  --out FILE          also write it: .json, or a report as .html, .md, .pdf, .csv
  --fail-on-slower    exit 1 when any row is slower (a regression gate)
`,
};

/** `--help` or `-h` anywhere among a command's arguments. */
export function wantsHelp(argv: readonly string[]): boolean {
  return argv.includes('--help') || argv.includes('-h');
}

export function packageVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}
