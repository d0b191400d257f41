"""Nothing leaves the machine: no library newskg runs writes a telemetry id or queues events to send."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.test_robustness import OTHER_A

ROOT = Path(__file__).resolve().parents[1]


def test_a_build_leaves_nothing_in_the_users_home(tmp_path: Path) -> None:
    # onnxruntime's telemetry (Linux, 1.29 and later) writes ~/.cache/Microsoft/…/deviceid and an events queue at its
    # first session, unless told not to: a build must leave the home folder as it found it
    home = tmp_path / "home"
    home.mkdir()
    (tmp_path / "p.txt").write_text(OTHER_A, encoding="utf-8")
    quiet = ("ORT_DISABLE_TELEMETRY", "GITHUB_ACTIONS", "TF_BUILD", "JENKINS_URL", "CI")  # the opt-outs it reads itself
    env = {k: v for k, v in os.environ.items() if k not in quiet} | {"HOME": str(home), "XDG_CACHE_HOME": str(home / ".cache")}
    done = subprocess.run([sys.executable, "-m", "graph", "build", str(tmp_path / "p.txt"), "--out", str(tmp_path / "o"), "-q"],
                          cwd=ROOT, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "o" / "graph.ttl").exists()
    assert sorted(p.relative_to(home).as_posix() for p in home.rglob("*")) == []
