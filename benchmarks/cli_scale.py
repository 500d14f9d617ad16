"""Scale of ``mojibake-fix fix --field text``: peak memory and --jobs speed-up.

Generates a JSON Lines file (default 500 MB, in /tmp) from the paragraphs of
corpus/clean/, one record in 50 turned into mojibake (UTF-8 read as
Windows-1252), then runs the console script on it with --jobs 1 and --jobs N,
reporting wall time, throughput, the peak RSS of the largest process and the
CPU time of them all (getrusage): when other work shares the machine, CPU time
shows what --jobs costs apart from waiting for a core. Not a test: run it by
hand, ``python benchmarks/cli_scale.py [--megabytes 500]``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MEMORY_LIMIT_MB = 200


def paragraphs() -> list[str]:
    found: list[str] = []
    for path in sorted((ROOT / "corpus" / "clean").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        found.extend(p.strip() for p in text.split("\n") if len(p.strip()) > 40)
    return found


def mojibake(text: str) -> str:
    return text.encode("utf-8").decode("cp1252", errors="replace")


def generate(path: Path, megabytes: int, dirty_every: int, seed: int = 1) -> tuple[int, int]:
    """Write records until the file reaches ``megabytes``; returns (records, dirty)."""
    rng = random.Random(seed)
    pool = paragraphs()
    target = megabytes * 1_000_000
    size = records = dirty = 0
    with path.open("w", encoding="utf-8", newline="\n") as out:
        while size < target:
            text = " ".join(rng.choice(pool) for _ in range(rng.randint(1, 4)))
            if records % dirty_every == 0:
                text = mojibake(text)
                dirty += 1
            line = json.dumps({"id": records, "text": text}, ensure_ascii=False) + "\n"
            out.write(line)
            size += len(line.encode("utf-8"))
            records += 1
    return records, dirty


def script() -> list[str]:
    found = shutil.which("mojibake-fix", path=str(Path(sys.executable).parent))
    return [found] if found else [sys.executable, "-m", "mojibake_fix"]


# Runs the command in a fresh process and prints the peak RSS (kB) of the largest
# of its descendants and the CPU seconds of them all, so each measurement is its own.
WRAPPER = """
import resource, subprocess, sys
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
sys.stderr.buffer.write(done.stderr)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(usage.ru_maxrss, usage.ru_utime + usage.ru_stime)
sys.exit(done.returncode)
"""


def timed_run(args: list[str]) -> tuple[float, float, float]:
    """Wall seconds, the peak RSS (MB) of the largest process of the command
    (the main process or one worker) and the CPU seconds of all its processes."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", WRAPPER, *args], capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"failed: {' '.join(args)}\n{done.stderr}")
    peak, cpu = done.stdout.split()
    return seconds, int(peak) / 1024, float(cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=int, default=500)
    parser.add_argument("--dirty-every", type=int, default=50)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--keep", action="store_true", help="keep the generated file")
    parser.add_argument(
        "--no-detectors",
        action="store_true",
        help="disable every detector: measures the pipeline (reading, JSON, splicing,"
        " writing, workers) apart from the engine",
    )
    args = parser.parse_args()
    data = Path("/tmp") / f"mojibake_cli_scale_{args.megabytes}mb.jsonl"
    if not data.exists():
        records, dirty = generate(data, args.megabytes, args.dirty_every)
        print(f"generated {data}: {records} records, {dirty} with mojibake")
    size_mb = data.stat().st_size / 1e6
    print(f"input: {size_mb:.0f} MB; cpus: {os.cpu_count()}")
    results = {}
    for jobs in (1, args.jobs):
        command = [*script(), "fix", str(data), "--field", "text", "--jobs", str(jobs), "-q"]
        command += ["-o", "/tmp/mojibake_cli_scale_out.jsonl"]
        if args.no_detectors:
            from mojibake_fix.detectors import detector_ids

            command += [f"--disable={name}" for name in detector_ids()]
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        seconds, peak, cpu = timed_run(command)
        results[jobs] = seconds
        print(
            f"--jobs {jobs}: {seconds:.1f} s, {size_mb / seconds:.1f} MB/s,"
            f" peak RSS of the largest process {peak:.0f} MB"
            f" ({'under' if peak < MEMORY_LIMIT_MB else 'OVER'} {MEMORY_LIMIT_MB} MB),"
            f" CPU {cpu:.0f} s in all, load average {load:.1f} before the run",
            flush=True,
        )
    print(f"speed-up --jobs {args.jobs} over --jobs 1: {results[1] / results[args.jobs]:.2f}x")
    Path("/tmp/mojibake_cli_scale_out.jsonl").unlink(missing_ok=True)
    if not args.keep:
        data.unlink()


if __name__ == "__main__":
    main()
