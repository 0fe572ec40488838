"""Screenshots of HQ's signed-in pages with headless Chromium (for docs/screenshots).

Chromium's command line cannot carry a session cookie, so the page is fetched with the
signed-in `requests` session, saved beside a copy of HQ's static files (its `/static/`
links made relative) and Chromium photographs the saved file. The page is exactly what
HQ served; only the address differs.

    from bench.hq_shots import screenshot
    screenshot(http_session, "http://127.0.0.1:PORT/overview", "docs/screenshots/x.png")
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import requests

STATIC = Path(__file__).resolve().parent.parent / "hq" / "static"


def chromium() -> str:
    """The Chromium executable (apt-get install chromium)."""
    found = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which(
        "google-chrome")
    if found is None:
        raise SystemExit("Chromium is not installed: apt-get install -y chromium")
    return found


def save_page(http: requests.Session, url: str, folder: Path) -> Path:
    """The page at `url` as HQ serves it to this session, saved with its static files."""
    answer = http.get(url, timeout=60)
    answer.raise_for_status()
    shutil.copytree(STATIC, folder / "static", dirs_exist_ok=True)
    page = folder / "page.html"
    page.write_text(answer.text.replace('"/static/', '"static/'), encoding="utf-8")
    return page


def screenshot(http: requests.Session, url: str, out: str | Path, *, width: int = 1366,
               height: int = 768, pdf: str | Path | None = None) -> Path:
    """Photograph the page (`width`×`height`, the screen of a field laptop); with `pdf`,
    also print it to that PDF as Chromium prints (to check the print stylesheet)."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        page = save_page(http, url, Path(tmp))
        base = [chromium(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--hide-scrollbars",
                f"--user-data-dir={Path(tmp) / 'profile'}"]
        subprocess.run([*base, f"--window-size={width},{height}",
                        f"--screenshot={out.resolve()}", page.as_uri()],
                       check=True, capture_output=True, timeout=120)
        if pdf is not None:
            subprocess.run([*base, "--no-pdf-header-footer",
                            f"--print-to-pdf={Path(pdf).resolve()}", page.as_uri()],
                           check=True, capture_output=True, timeout=120)
    return out
