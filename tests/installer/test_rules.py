"""What goes into the bundle (installer/rules.py) and the licences list written at build
time (installer/licences.py); no PyInstaller needed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from installer import licences, rules

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("kept", [
    "PySide6/Qt/plugins/platforms/libqxcb.so", "PySide6/Qt/plugins/platforms/libqoffscreen.so",
    "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
    "PySide6/Qt/plugins/imageformats/libqjpeg.so", "PySide6/Qt/lib/libQt6Pdf.so.6",
    "PySide6/Qt/translations/qtbase_fr.qm", "PySide6/Qt/translations/qtbase_es.qm",
    "babel/locale-data/root.dat", "babel/locale-data/en_GB.dat",
    "babel/locale-data/fr.dat", "babel/locale-data/es_419.dat", "babel/global.dat",
    "pycountry/databases/iso3166-1.json",
    "PIL/_imaging.cpython-311-x86_64-linux-gnu.so", "zstandard/backend_c.so",
    "PySide6\\Qt\\plugins\\platforms\\qwindows.dll",
])
def test_what_the_application_needs_is_kept(kept):
    assert rules.wanted(kept)


@pytest.mark.parametrize("dropped", [
    "PySide6/Qt/lib/libQt6WebEngineCore.so.6", "PySide6/Qt/lib/libQt6Quick.so.6",
    "PySide6/Qt/lib/libQt6Qml.so.6", "PySide6/Qt/qml/QtQuick/Controls/qmldir",
    "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
    "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
    "PySide6/Qt/plugins/sqldrivers/libqsqlite.so", "PySide6/Qt/plugins/multimedia/x.so",
    "PySide6/Qt/plugins/platforms/libqwayland-generic.so",
    "PySide6/Qt/translations/qtbase_de.qm", "PySide6/Qt/translations/qtwebengine_fr.qm",
    "babel/locale-data/de.dat", "babel/locale-data/zh_Hant_HK.dat",
    "pycountry/locales/fr/LC_MESSAGES/iso3166-1.mo", "pycountry/databases/iso639-3.json",
    "zstandard/_cffi.cpython-311.so",
    "PIL/_avif.cpython-311-x86_64-linux-gnu.so", "PySide6\\Qt6WebEngineCore.dll",
    "PySide6\\plugins\\sqldrivers\\qsqlite.dll", "PySide6/translations/qtbase_de.qm",
])
def test_what_no_screen_uses_is_dropped(dropped):
    assert not rules.wanted(dropped)


def test_the_hq_server_and_the_test_tools_are_excluded_but_not_argon2():
    for name in ("hq", "fastapi", "uvicorn", "psycopg", "pytest", "mutmut", "hypothesis",
                 "PySide6.QtWebEngineCore", "PySide6.Qt3DCore", "PySide6.QtQuick",
                 "PySide6.QtMultimedia"):
        assert name in rules.PYTHON_EXCLUDED
    # fieldapp/keys.py derives the passphrase key with argon2id; reportlab imports PIL
    for needed in ("argon2", "cryptography", "PIL", "sqlcipher3", "keyring", "requests"):
        assert needed not in rules.PYTHON_EXCLUDED


def test_the_qt_modules_the_ui_imports_are_not_excluded():
    imported = set()
    for file in (ROOT / "ui").rglob("*.py"):
        for line in file.read_text(encoding="utf-8").splitlines():
            if line.strip().startswith("from PySide6.Qt"):
                imported.add(line.split()[1].split(".")[1])
    assert imported  # QtCore, QtGui, QtWidgets, QtPdf, …
    assert not imported & set(rules.QT_EXCLUDED)
    assert imported <= set(rules.QT_MODULES)


def test_libraries_only_a_dropped_plugin_needed_go_with_it():
    kept = [("PySide6/Qt/plugins/platforms/libqxcb.so", "/q/libqxcb.so"),
            ("libQt6Gui.so.6", "/q/libQt6Gui.so.6"), ("libX11.so.6", "/q/libX11.so.6"),
            ("libgtk-3.so.0", "/q/libgtk-3.so.0"), ("libcairo.so.2", "/q/libcairo.so.2"),
            ("libpng16.so.16", "/q/libpng16.so.16"), ("libctypes.so", "/q/libctypes.so")]
    dropped = [("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "/q/libqgtk3.so")]
    links = {"/q/libqgtk3.so": ["libgtk-3.so.0", "libQt6Gui.so.6", "libX11.so.6"],
             "/q/libgtk-3.so.0": ["libcairo.so.2", "libX11.so.6"],
             "/q/libcairo.so.2": ["libpng16.so.16"],
             "/q/libqxcb.so": ["libQt6Gui.so.6", "libX11.so.6"],
             "/q/libQt6Gui.so.6": ["libpng16.so.16"]}
    gone = rules.orphans(kept, dropped, lambda source: links.get(source, []))
    # GTK and Cairo only served the GTK theme; X11 and libpng are needed by kept files too;
    # a library nothing links to (loaded with ctypes) stays
    assert gone == {"libgtk-3.so.0", "libcairo.so.2"}


def test_our_data_files_are_shipped_where_importlib_resources_finds_them():
    files = {Path(src).relative_to(ROOT).as_posix(): dest
             for src, dest in rules.resource_files(str(ROOT))}
    assert files["resources/fonts/DejaVuSans.ttf"] == "resources/fonts"
    assert files["resources/fonts/LICENSE-DejaVu.txt"] == "resources/fonts"
    assert files["resources/demo/cyclone.json"] == "resources/demo"
    assert files["resources/i18n/fieldkit_fr.qm"] == "resources/i18n"
    assert files["resources/i18n/fr/LC_MESSAGES/fieldkit.mo"] == "resources/i18n/fr/LC_MESSAGES"
    assert any(name.startswith("resources/handbook/en/") for name in files)
    assert any(name.startswith("resources/guide/fr/") for name in files)
    assert not any(name.endswith((".ts", ".pot", ".py")) for name in files)
    migrations = {Path(src).name: dest for src, dest in rules.migration_files(str(ROOT))}
    assert migrations["env.py"] == "fieldapp/migrations"
    assert migrations["0001_initial.py"] == "fieldapp/migrations/versions"


def test_licences_of_the_shipped_distributions_and_fonts(tmp_path):
    index = licences.write(tmp_path / "licences", {"sqlalchemy", "zstandard", "PySide6",
                                                   "yaml", "hq", "ui"},
                           fonts=ROOT / "resources" / "fonts", app_version="9.9")
    data = json.loads(index.read_text(encoding="utf-8"))
    assert data["format"] == licences.FORMAT
    assert data["application"] == "9.9"
    by_name = {item["name"]: item for item in data["libraries"]}
    assert by_name["Python"]["licence"] == "PSF-2.0"
    assert by_name["SQLAlchemy"]["licence"] == "MIT"
    assert by_name["PyYAML"]["licence"] == "MIT"  # module yaml, distribution PyYAML
    assert "LGPL-3.0" in by_name["PySide6_Essentials"]["licence"]
    assert "PySide6_Addons" not in by_name  # none of its modules is shipped
    assert "cmcoord-field-kit" not in by_name  # our own code is not a library
    for item in data["libraries"]:
        for file in item["files"]:
            assert (tmp_path / "licences" / file).is_file()
    assert any("LICENSE" in f for f in by_name["zstandard"]["files"])
    fonts = {font["family"]: font for font in data["fonts"]}
    assert fonts["DejaVu"]["licence"] == "bitstream-vera, GPL-2+"
    assert "DejaVuSans.ttf" in fonts["DejaVu"]["fonts"]
    assert (tmp_path / "licences" / fonts["DejaVu"]["file"]).is_file()
    assert "Open Font License" in fonts["FieldKitHangul"]["licence"]


def test_licence_name_from_metadata():
    class Meta(dict):
        def get_all(self, name):
            return self.get(name + "s")

    assert licences.licence_name(Meta({"License-Expression": "MIT"})) == "MIT"
    assert licences.licence_name(Meta({"License": "BSD"})) == "BSD"
    assert licences.licence_name(Meta({"License": "a very long\nlicence text",
                                       "Classifiers": ["License :: OSI Approved :: "
                                                       "Apache Software License"]})) \
        == "Apache Software License"
    assert licences.licence_name(Meta({})) == ""


def test_app_version_is_read_from_the_sources():
    from fieldapp import __version__

    assert rules.app_version(str(ROOT)) == __version__
