"""docs/view.png: the seeds' graph.html in headless Chromium, a street office searched and selected.

    .venv/bin/python docs/screenshot.py [--name 秦岭路街道] [--out docs/view.png]

Needs Debian's `chromium` (no browser is downloaded) and, for legible
labels, a CJK font (`apt-get install fonts-wqy-microhei`).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--name", default="秦岭路街道", help="the name typed into the search box")
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "view.png")
    a = ap.parse_args(argv)
    from playwright.sync_api import sync_playwright

    from graph.pipeline import build

    with tempfile.TemporaryDirectory() as tmp:
        build([ROOT / "seeds"], Path(tmp), formats=("html",))
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 860})
            page.goto((Path(tmp) / "graph.html").as_uri())
            page.wait_for_function("() => window.newskg && window.newskg.stable", timeout=30_000, polling=50)
            page.locator("#search").press_sequentially(a.name)
            if page.evaluate("window.newskg.selected") is None:
                print(f"no node named {a.name!r}", file=sys.stderr)
                return 1
            page.wait_for_timeout(200)
            page.screenshot(path=str(a.out))
            browser.close()
    print(f"wrote {a.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
