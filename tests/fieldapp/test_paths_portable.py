"""Portable mode (issue 19): a `portable` file beside a frozen bundle's executable puts the
profile in `<bundle>/profile`; --profile and CMCOORD_HOME still win; a portable profile
never uses the keyring."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp import paths
from fieldapp.keys import NoKeyringError, ProfileKeys
from fieldapp.paths import bundle_folder, portable_root, resolve_profile


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    folder = tmp_path / "USBSTICK" / "cmcoord"
    folder.mkdir(parents=True)
    (folder / "cmcoord").write_bytes(b"\x7fELF")
    return folder


@pytest.fixture(autouse=True)
def _no_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("CMCOORD_HOME", raising=False)
    monkeypatch.setattr(paths.platformdirs, "user_data_dir",
                        lambda *_a, **_k: str(tmp_path / "userdata"))


def test_marker_beside_a_frozen_executable_puts_the_profile_beside_it(bundle: Path) -> None:
    (bundle / "portable").write_text("", encoding="utf-8")
    found = resolve_profile(executable=str(bundle / "cmcoord"), frozen=True)
    assert found.root == (bundle / "profile").resolve()
    assert found.portable
    assert found.database == (bundle / "profile" / "fieldkit.sqlite").resolve()


def test_without_the_marker_the_platform_folder(bundle: Path, tmp_path: Path) -> None:
    found = resolve_profile(executable=str(bundle / "cmcoord"), frozen=True)
    assert found.root == (tmp_path / "userdata" / "default").resolve()
    assert not found.portable


def test_a_folder_named_portable_is_not_the_marker(bundle: Path) -> None:
    (bundle / "portable").mkdir()
    assert portable_root(str(bundle / "cmcoord"), frozen=True) is None


def test_not_frozen_the_marker_is_not_looked_for(bundle: Path, tmp_path: Path) -> None:
    # From sources or a venv, sys.executable is Python: a `portable` file beside it must
    # not move anyone's profile.
    (bundle / "portable").write_text("", encoding="utf-8")
    assert bundle_folder(str(bundle / "cmcoord"), frozen=False) is None
    found = resolve_profile(executable=str(bundle / "cmcoord"), frozen=False)
    assert found.root == (tmp_path / "userdata" / "default").resolve()
    assert not found.portable


def test_the_running_interpreter_is_not_frozen() -> None:
    assert bundle_folder() is None
    assert not resolve_profile().portable


def test_explicit_then_cmcoord_home_win_over_the_marker(
        bundle: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (bundle / "portable").write_text("", encoding="utf-8")
    exe = str(bundle / "cmcoord")
    monkeypatch.setenv("CMCOORD_HOME", str(tmp_path / "home"))
    assert resolve_profile(executable=exe, frozen=True).root == (tmp_path / "home").resolve()
    assert not resolve_profile(executable=exe, frozen=True).portable
    chosen = resolve_profile(tmp_path / "chosen", executable=exe, frozen=True)
    assert chosen.root == (tmp_path / "chosen").resolve()
    assert not chosen.portable


def test_macos_app_looks_beside_the_app(tmp_path: Path) -> None:
    macos = tmp_path / "stick" / "CMCoord.app" / "Contents" / "MacOS"
    macos.mkdir(parents=True)
    (tmp_path / "stick" / "portable").write_text("", encoding="utf-8")
    found = resolve_profile(executable=str(macos / "cmcoord"), frozen=True)
    assert found.root == (tmp_path / "stick" / "profile").resolve()
    assert found.portable


def test_a_portable_profile_never_uses_the_keyring(bundle: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """What ui.app's KeyStep does for a portable profile: keys with use_keyring=False, so a
    new profile must get a passphrase, and no keyring is touched even when one works."""
    import keyring

    touched = []
    monkeypatch.setattr(keyring, "set_password", lambda *a: touched.append(a))
    monkeypatch.setattr(keyring, "get_password", lambda *a: touched.append(a))
    (bundle / "portable").write_text("", encoding="utf-8")
    profile = resolve_profile(executable=str(bundle / "cmcoord"), frozen=True)
    keys = ProfileKeys(profile.root, use_keyring=not profile.portable)
    assert not keys.keyring_works()
    with pytest.raises(NoKeyringError):
        keys.create()
    key, recovery = keys.create(passphrase="correct horse battery staple")
    assert keys.unlock("correct horse battery staple") == key
    assert keys.unlock_with_recovery(recovery.text) == key
    assert not keys.in_keyring()
    assert touched == []
