"""Copy the licence texts of Claimdesk and of everything its bundle ships into resources/licenses/.

    .venv/bin/python packaging/collect_licenses.py

Run after adding or upgrading a dependency, and commit the result: the About dialog lists
resources/licenses/index.tsv, and the bundle carries the folder. Texts come from the installed
packages' metadata (``*.dist-info/licenses``), the GPL and LGPL from Debian's
/usr/share/common-licenses, Python's from its standard library.
"""

from __future__ import annotations

import shutil
import sys
import sysconfig
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "licenses"
COMMON = Path("/usr/share/common-licenses")

# (component as the About dialog names it, licence, distribution to take the text from).
PACKAGES = [
    ("SQLAlchemy", "MIT", "sqlalchemy"),
    ("SQLModel", "MIT", "sqlmodel"),
    ("Alembic", "MIT", "alembic"),
    ("Mako (used by Alembic)", "MIT", "mako"),
    ("MarkupSafe (used by Mako)", "BSD-3-Clause", "markupsafe"),
    ("pydantic (used by SQLModel)", "MIT", "pydantic"),
    ("pydantic-core", "MIT", "pydantic_core"),
    ("annotated-types", "MIT", "annotated_types"),
    ("typing-inspection", "MIT", "typing_inspection"),
    ("typing_extensions", "PSF-2.0", "typing_extensions"),
    ("RapidFuzz", "MIT", "rapidfuzz"),
    ("NumPy (with OpenBLAS and the GCC runtime)", "BSD-3-Clause and others", "numpy"),
    ("ReportLab", "BSD-3-Clause", "reportlab"),
    ("Pillow (used by ReportLab)", "MIT-CMU", "pillow"),
    ("lxml", "BSD-3-Clause", "lxml"),
    ("pypdf", "BSD-3-Clause", "pypdf"),
    ("charset-normalizer", "MIT", "charset_normalizer"),
    ("ijson (with yajl)", "BSD-3-Clause and ISC", "ijson"),
    ("platformdirs", "MIT", "platformdirs"),
    ("trafilatura (article body of web pages)", "Apache-2.0", "trafilatura"),
    ("jusText (used by trafilatura)", "BSD-2-Clause", "justext"),
    ("courlan (used by trafilatura)", "Apache-2.0", "courlan"),
    ("htmldate (used by trafilatura)", "Apache-2.0", "htmldate"),
    ("lxml_html_clean (used by jusText)", "BSD-3-Clause", "lxml_html_clean"),
    ("Babel (used by courlan)", "BSD-3-Clause", "babel"),
    ("tld (used by courlan)", "MPL-1.1 OR GPL-2.0-only OR LGPL-2.1-or-later", "tld"),
    ("dateparser (used by htmldate)", "BSD-3-Clause", "dateparser"),
    ("python-dateutil (used by dateparser)", "Apache-2.0 AND BSD-3-Clause", "python_dateutil"),
    ("pytz (used by dateparser)", "MIT", "pytz"),
    ("tzlocal (used by dateparser)", "MIT", "tzlocal"),
    ("tzdata (used by tzlocal)", "Apache-2.0", "tzdata"),
    ("regex (used by dateparser)", "Apache-2.0 AND CNRI-Python", "regex"),
    ("urllib3 (used by trafilatura; Claimdesk makes no network requests)", "MIT", "urllib3"),
    ("certifi (used by trafilatura)", "MPL-2.0", "certifi"),
    ("psycopg (PostgreSQL driver, team mode)", "LGPL-3.0-only", "psycopg"),
    ("psycopg-binary (with libpq, OpenSSL and other libraries)", "LGPL-3.0-only and others",
     "psycopg_binary"),
]


def _dist_license_files(name: str) -> list[Path]:
    try:
        dist = distribution(name)
    except PackageNotFoundError:
        raise SystemExit(f"{name} is not installed in this environment") from None
    files = [Path(str(dist.locate_file(f))) for f in dist.files or []
             if "licen" in str(f).lower() or "copying" in str(f).lower()]
    # numpy lists one file per vendored C library too; the top-level text covers the binaries.
    top = [f for f in files if f.parent.name in ("licenses",) or f.parent.name.endswith(".dist-info")]
    chosen = sorted(top or files, key=lambda f: (f.name != "LICENSE", f.name))
    if not chosen:
        raise SystemExit(f"no licence file in the metadata of {name}")
    return chosen


def main() -> int:
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)
    rows = [("Claimdesk", "GPL-3.0-or-later", "licenses/GPL-3.0.txt")]
    shutil.copyfile(COMMON / "GPL-3", OUT / "GPL-3.0.txt")
    shutil.copyfile(COMMON / "LGPL-3", OUT / "LGPL-3.0.txt")
    shutil.copyfile(Path(sysconfig.get_paths()["stdlib"]) / "LICENSE.txt", OUT / "Python.txt")
    rows.append((f"Python {sys.version_info.major}.{sys.version_info.minor}", "PSF-2.0",
                 "licenses/Python.txt"))
    rows.append(("Qt 6, PySide6 and Shiboken6", "LGPL-3.0-only", "licenses/LGPL-3.0.txt"))
    rows.append(("DejaVu fonts", "Bitstream Vera and DejaVu licence", "fonts/LICENSE-DejaVu.txt"))
    for component, licence, dist_name in PACKAGES:
        texts = [f.read_text(encoding="utf-8", errors="replace") for f in
                 _dist_license_files(dist_name)]
        target = OUT / f"{dist_name}.txt"
        target.write_text("\n\n".join(t.rstrip() for t in texts) + "\n", encoding="utf-8")
        rows.append((component, licence, f"licenses/{target.name}"))
    lines = ["# component\tlicence\tfile under resources/ (written by packaging/collect_licenses.py)"]
    lines += ["\t".join(row) for row in rows]
    (OUT / "index.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for row in rows:
        print("\t".join(row))
    return 0


if __name__ == "__main__":
    sys.exit(main())
