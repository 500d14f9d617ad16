"""Developer tasks that need nothing but python3: ``python3 tasks.py demo|test|lint``.

Each task creates the project's virtual environment in ``.venv`` on first use
(installing the package with its development extras) and runs inside it.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
STAMP = VENV / ".installed"


def run(*command: str | Path) -> None:
    completed = subprocess.run([str(part) for part in command], cwd=ROOT)
    if completed.returncode:
        raise SystemExit(completed.returncode)


def ensure_environment() -> None:
    """Create .venv and install the project into it, again whenever pyproject.toml changes."""
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == wanted:
        return
    if not (BIN / "python").exists():
        print("creating .venv ...", file=sys.stderr)
        venv.create(VENV, with_pip=True)
    print("installing mojibake-fix and its development tools into .venv ...", file=sys.stderr)
    run(BIN / "python", "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    run(BIN / "python", "-m", "pip", "install", "--quiet", "-e", ".[dev]")
    STAMP.write_text(wanted)


def demo() -> None:
    """A clean pass over a sample of scraped text: the repaired text, then the report."""
    run(BIN / "mojibake-fix", "fix", "corpus/sample.txt", "--report", "-")


def test() -> None:
    run(BIN / "python", "-m", "pytest", *sys.argv[2:])


def lint() -> None:
    run(BIN / "ruff", "check", ".")
    run(BIN / "ruff", "format", "--check", ".")
    run(BIN / "mypy")


TASKS = {"demo": demo, "test": test, "lint": lint}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in TASKS:
        raise SystemExit(f"usage: python3 tasks.py {{{'|'.join(TASKS)}}} [pytest options]")
    ensure_environment()
    TASKS[sys.argv[1]]()
