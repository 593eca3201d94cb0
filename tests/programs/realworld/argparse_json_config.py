# A JSON config reader with argparse: defaults, a config "file", command-line overrides, validation.
import argparse
import json
import sys

CONFIG_TEXT = """
{
    "name": "nightly-build",
    "workers": 4,
    "targets": ["linux", "mac"],
    "retry": {"count": 2, "delay": 1.5},
    "verbose": false
}
"""

DEFAULTS = {"name": "build", "workers": 1, "targets": ["linux"], "retry": {"count": 0, "delay": 0.0}, "verbose": False}


def make_parser():
    p = argparse.ArgumentParser(prog="builder", description="Run builds from a JSON config with command-line overrides.")
    p.add_argument("config", help="path of the JSON config ('-' for the built-in sample)")
    p.add_argument("-w", "--workers", type=int, help="number of parallel workers")
    p.add_argument("-t", "--target", action="append", dest="targets", choices=["linux", "mac", "windows"], help="build target (repeatable)")
    p.add_argument("-v", "--verbose", action="count", default=0, help="more output")
    p.add_argument("--retry-count", type=int, metavar="N")
    p.add_argument("--dry-run", action="store_true", help="print the plan only")
    p.add_argument("--set", nargs=2, action="append", metavar=("KEY", "VALUE"), default=[], help="override any key")
    return p


def load_config(path):
    if path == "-":
        return json.loads(CONFIG_TEXT)
    with open(path) as stream:
        return json.load(stream)


def merge(base, override):
    out = dict(base)
    for k, v in override.items():
        if isinstance(v, dict) and isinstance(out.get(k), dict):
            out[k] = merge(out[k], v)
        else:
            out[k] = v
    return out


def run(argv):
    parser = make_parser()
    args = parser.parse_args(argv)
    cfg = merge(DEFAULTS, load_config(args.config))
    if args.workers is not None:
        if args.workers < 1:
            parser.error("--workers must be at least 1")
        cfg["workers"] = args.workers
    if args.targets:
        cfg["targets"] = sorted(set(args.targets))
    if args.retry_count is not None:
        cfg["retry"]["count"] = args.retry_count
    if args.verbose:
        cfg["verbose"] = True
    for key, value in args.set:
        try:
            value = json.loads(value)
        except json.JSONDecodeError:
            pass
        cfg[key] = value
    plan = [f"{t}#{i}" for t in cfg["targets"] for i in range(cfg["workers"])]
    print(("DRY RUN " if args.dry_run else "") + f"{cfg['name']}: {len(plan)} jobs")
    print(json.dumps(cfg, sort_keys=True))
    if args.verbose > 1:
        print("plan:", ", ".join(plan))
    return cfg


sys.stderr = sys.stdout  # show argparse's error text in the recorded output
run(["-"])
run(["-", "-w", "2", "-t", "windows", "-t", "linux", "-vv", "--retry-count", "5"])
run(["-", "--dry-run", "--set", "name", "hotfix", "--set", "workers", "3"])
for bad in (["-", "-w", "0"], ["-", "-t", "bsd"], [], ["-", "--workers", "many"]):
    try:
        run(bad)
    except SystemExit as e:
        print("exit status", e.code)
make_parser().print_help()
