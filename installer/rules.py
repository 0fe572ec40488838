"""What goes into the bundle and what stays out (read by installer/cmcoord.spec, checked by
tests/installer/test_rules.py). The desktop application is `ui` + `fieldapp` + `sync`
(the device's client); the HQ server (`hq`: FastAPI, uvicorn, psycopg, Jinja2) and every
test or build tool stay out. argon2-cffi stays IN: fieldapp/keys.py derives the
passphrase key with argon2id."""

from __future__ import annotations

import fnmatch
from collections.abc import Callable
from pathlib import PurePosixPath

# The Qt modules the application imports (grep "from PySide6." ui): PyInstaller's PySide6
# hooks bring each one's libraries and plugins; every other binding module is excluded.
QT_MODULES = ("QtCore", "QtGui", "QtWidgets", "QtPdf", "QtPdfWidgets", "QtPrintSupport",
              "QtDBus")  # QtDBus: the xcb platform plugin and the Linux platform theme

QT_EXCLUDED = (
    "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender",
    "QtAxContainer", "QtBluetooth", "QtCharts", "QtConcurrent", "QtDataVisualization",
    "QtDesigner", "QtGraphs", "QtGraphsWidgets", "QtHelp", "QtHttpServer", "QtLocation",
    "QtMultimedia", "QtMultimediaWidgets", "QtNetwork", "QtNetworkAuth", "QtNfc", "QtOpenGL",
    "QtOpenGLWidgets", "QtPositioning", "QtQml", "QtQuick", "QtQuick3D", "QtQuickControls2",
    "QtQuickTest", "QtQuickWidgets", "QtRemoteObjects", "QtScxml", "QtSensors",
    "QtSerialBus", "QtSerialPort", "QtSpatialAudio", "QtSql", "QtStateMachine", "QtSvg",
    "QtSvgWidgets", "QtTest", "QtTextToSpeech", "QtUiTools", "QtWebChannel", "QtWebEngineCore",
    "QtWebEngineQuick", "QtWebEngineWidgets", "QtWebSockets", "QtWebView", "QtXml",
    "QtCanvasPainter",
)

PYTHON_EXCLUDED = (
    # the HQ server and what only it uses
    "hq", "fastapi", "starlette", "uvicorn", "psycopg", "psycopg_binary", "psycopg_pool",
    "jinja2", "multipart", "python_multipart", "pydantic", "pydantic_core", "anyio",
    "sniffio", "h11", "httptools", "uvloop", "watchfiles", "websockets",
    # tests, mutation testing, linters, build tools
    "tests", "bench", "pytest", "_pytest", "pytestqt", "pytest_timeout", "hypothesis",
    "schemathesis", "httpx", "httpcore", "mutmut", "ruff", "importlinter", "grimp", "pypdf",
    "PyInstaller", "setuptools", "pkg_resources", "pip", "wheel", "distutils",
    # big libraries nothing of ours imports (Pillow stays: reportlab.lib.utils imports it)
    "pytz", "numpy", "tkinter", "_tkinter", "matplotlib", "IPython", "lxml", "pandas",
    "pydoc_data", "lib2to3", "unittest", "test", "idlelib", "xmlrpc", "curses",
) + tuple(f"PySide6.{name}" for name in QT_EXCLUDED)

# Files of Qt's that the hooks collect but no screen needs (PySide6/Qt/plugins/… on Linux
# and macOS, PySide6/plugins/… on Windows: the patterns fit both): other languages' Qt
# translations (we ship English, French and Spanish), QML, WebEngine's resources, the
# Qt plugins of excluded modules.
QT_LANGUAGES = ("fr", "es")
DROPPED_PATTERNS = (
    "PySide6/*qml/*", "*/resources/qtwebengine*", "PySide6/*libexec/*",
    "*/plugins/sqldrivers/*", "*/plugins/multimedia/*", "*/plugins/qmltooling/*",
    "*/plugins/sceneparsers/*", "*/plugins/geometryloaders/*",
    "*/plugins/renderers/*", "*/plugins/renderplugins/*", "*/plugins/webview/*",
    "*/plugins/texttospeech/*", "*/plugins/position/*", "*/plugins/geoservices/*",
    "*/plugins/sensors/*", "*/plugins/canbus/*", "*/plugins/designer/*",
    "*/plugins/assetimporters/*", "*/plugins/scxmldatamodel/*",
    "*/plugins/wayland-*", "*/plugins/egldeviceintegrations/*",
    "*/plugins/networkinformation/*", "*/plugins/tls/*",
    "*/plugins/vectorimageformats/*", "*/plugins/generic/*",
    # GTK's look on Linux pulls GTK, Cairo and Pango (40 MB); Qt's own style is used.
    "*/plugins/platformthemes/libqgtk3*",
    # the on-screen keyboard needs QML; framebuffer, EGL-FS and VNC are for kiosks
    "*/plugins/platforminputcontexts/libqtvirtualkeyboard*",
    "*/plugins/platforms/libqeglfs*", "*/plugins/platforms/libqlinuxfb*",
    "*/plugins/platforms/libqminimalegl*", "*/plugins/platforms/libqvnc*",
    "*/plugins/platforms/libqvkkhrdisplay*",
    # Wayland needs its shell-integration plugins too; under Wayland Qt falls back to xcb
    # (XWayland), which every Linux desktop has
    "*/plugins/platforms/libqwayland*",
    # zstandard's CFFI backend: its C backend is the one imported
    "zstandard/_cffi*",
    # Pillow's optional codecs (ReportLab embeds no AVIF, WebP or colour-managed image and
    # draws text with its own TrueType code): their libraries (14 MB) go with them
    "PIL/_avif*", "PIL/_webp*", "PIL/_imagingtk*", "PIL/_imagingcms*", "PIL/_imagingft*",
    # pycountry's translations and its other standards: Field Kit shows English country
    # names (fieldapp/services/lookup.py reads pycountry.countries, ISO 3166-1, alone)
    "pycountry/locales/*", "pycountry/databases/iso639*", "pycountry/databases/iso3166-2*",
    "*libQt6WebEngine*", "*libQt6Quick*", "*libQt6Qml*", "*libQt63D*", "*libQt6Multimedia*",
    "*libQt6Designer*", "*Qt6WebEngine*", "*Qt6Quick*", "*Qt6Qml*", "*Qt63D*",
    "*Qt6Multimedia*", "*Qt6Designer*",
)

# Our package data (pyproject's [tool.setuptools.package-data] for `resources`, less the
# catalog sources): resources/<pattern>, shipped to the same place in the bundle.
RESOURCE_PATTERNS = (
    "handbook/*/*.md", "handbook/*.toml", "guide/*.md", "guide/*/*.md", "fonts/*.ttf",
    "fonts/LICENSE-*", "demo/*.json", "i18n/*.qm", "i18n/*/LC_MESSAGES/*.mo", "icons/*",
)

# Loaded by name at run time, not by an import statement PyInstaller can see.
HIDDEN_IMPORTS = (
    "resources", "fieldapp.migrations", "sqlalchemy.dialects.sqlite.pysqlcipher",
    "sqlcipher3", "sqlcipher3.dbapi2", "alembic.ddl.sqlite", "alembic.runtime.migration",
    "alembic.op", "alembic.context", "keyring.backends.SecretService",
    "keyring.backends.Windows", "keyring.backends.macOS", "keyring.backends.chainer",
    "keyring.backends.fail",
)

# Packages whose modules are imported by name (reportlab's barcode widgets run
# `from reportlab.graphics.barcode.code128 import …` through exec): all their modules.
HIDDEN_PACKAGES = ("reportlab.graphics.barcode",)


def _posix(path: str) -> str:
    return str(PurePosixPath(path.replace("\\", "/")))


def qt_translation_wanted(path: str) -> bool:
    """Keep Qt's own catalogs only for the languages we ship (qtbase_fr.qm, …)."""
    name = PurePosixPath(_posix(path)).name
    if not name.endswith(".qm"):
        return True
    stem = name[:-3]
    return any(stem.endswith(f"_{lang}") for lang in QT_LANGUAGES) and \
        stem.split("_", 1)[0] in ("qtbase", "qt")


# Babel's CLDR data: the languages Field Kit speaks (fieldapp.i18n.LANGS: en_GB for
# English) and the root they inherit from; 1,100 other locales (30 MB) stay out.
BABEL_LANGUAGES = ("en", "fr", "es")


def babel_locale_wanted(path: str) -> bool:
    """Keep babel/locale-data/<id>.dat for root and our languages' locales only."""
    name = PurePosixPath(_posix(path)).name
    if not name.endswith(".dat"):
        return True
    ident = name[:-4]
    return ident == "root" or ident.split("_", 1)[0] in BABEL_LANGUAGES


def wanted(destination: str) -> bool:
    """Whether a file PyInstaller collected (its path inside the bundle) is kept."""
    path = _posix(destination)
    if any(fnmatch.fnmatch(path, pattern) or fnmatch.fnmatch("x/" + path, pattern)
           for pattern in DROPPED_PATTERNS):
        return False
    if path.startswith("PySide6/") and "/translations/" in path:  # Qt/translations on
        return qt_translation_wanted(path)                     # Linux and macOS, not Windows
    if "babel/locale-data/" in path:
        return babel_locale_wanted(path)
    return True


def orphans(binaries: list[tuple[str, str]], dropped: list[tuple[str, str]],
            imports_of: Callable[[str], list[str]]) -> set[str]:
    """The destinations (bundle paths) of libraries that only dropped files needed.

    `binaries` are the kept (dest, source) entries, `dropped` the ones `wanted` refused,
    `imports_of(source)` the file names a binary links to. A library reached from a
    dropped plugin (the GTK theme's libgtk-3 …) goes too, unless a kept file that was not
    brought in that way links to it as well."""
    by_name = {PurePosixPath(_posix(dest)).name: (dest, src) for dest, src in binaries}

    def closure(start: list[str]) -> set[str]:
        seen: set[str] = set()
        todo = list(start)
        while todo:
            source = todo.pop()
            for name in imports_of(source):
                if name in by_name and name not in seen:
                    seen.add(name)
                    todo.append(by_name[name][1])
        return seen

    from_dropped = closure([src for _dest, src in dropped])
    roots = [src for dest, src in binaries
             if PurePosixPath(_posix(dest)).name not in from_dropped]
    needed = closure(roots)
    return {by_name[name][0] for name in from_dropped - needed}


def resource_files(root: str) -> list[tuple[str, str]]:
    """(source file, folder inside the bundle) of each resources/ data file to ship."""
    from pathlib import Path

    base = Path(root) / "resources"
    found: dict[Path, None] = {}
    for pattern in RESOURCE_PATTERNS:
        for file in sorted(base.glob(pattern)):
            if file.is_file():
                found[file] = None
    return [(str(file), str(PurePosixPath("resources") /
                             file.parent.relative_to(base).as_posix()).rstrip("/."))
            for file in found]


def migration_files(root: str) -> list[tuple[str, str]]:
    """Alembic reads the migration scripts from the disk (fieldapp/db.py points it at the
    package's folder): ship them as files, source and all."""
    from pathlib import Path

    base = Path(root) / "fieldapp" / "migrations"
    files = [base / "env.py", base / "script.py.mako", *sorted(base.glob("versions/*.py"))]
    return [(str(file), str(PurePosixPath("fieldapp/migrations") /
                            file.parent.relative_to(base).as_posix()).rstrip("/."))
            for file in files if file.is_file()]


def app_version(root: str) -> str:
    """fieldapp.__version__, read from the source without importing it."""
    import re
    from pathlib import Path

    text = (Path(root) / "fieldapp" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'^__version__ = "([^"]+)"', text, re.MULTILINE)
    return found.group(1) if found else "0"
