"""``scripts/find-python.sh``: setup finds a Python hazm 0.12.1 runs on, or says what it looked for."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SCRIPT = REPO / "scripts" / "find-python.sh"


def _fake_python(folder: Path, name: str, version: str) -> Path:
    """A stand-in interpreter that answers the version check like Python ``version`` would."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    major, minor = version.split(".")[:2]
    path.write_text(
        "#!/bin/sh\n"
        f'exec {sys.executable} -c "import sys; sys.exit(0 if (3, 12) <= ({major}, {minor}) < (3, 14) else 1)"\n',
        encoding="utf-8",
    )
    path.chmod(0o755)
    return path


def _run(path_dirs: list[Path], pyenv_root: Path) -> subprocess.CompletedProcess[str]:
    env = {"PATH": os.pathsep.join([*map(str, path_dirs), "/usr/bin", "/bin"]), "PYENV_ROOT": str(pyenv_root)}
    return subprocess.run(["sh", str(SCRIPT)], capture_output=True, text=True, env=env, timeout=60)


def test_a_pyenv_version_that_is_installed_but_not_selected_is_found(tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    _fake_python(bin_dir, "python3", "3.11")
    chosen = _fake_python(tmp_path / "pyenv" / "versions" / "3.12.1" / "bin", "python3", "3.12")
    result = _run([bin_dir], tmp_path / "pyenv")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(chosen)


def test_python_on_path_is_preferred_when_it_fits(tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    chosen = _fake_python(bin_dir, "python3.13", "3.13")
    _fake_python(tmp_path / "pyenv" / "versions" / "3.12.1" / "bin", "python3", "3.12")
    result = _run([bin_dir], tmp_path / "pyenv")
    assert result.stdout.strip() == str(chosen)


def test_python_3_14_is_not_accepted(tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    _fake_python(bin_dir, "python3", "3.14")
    chosen = _fake_python(tmp_path / "pyenv" / "versions" / "3.13.0" / "bin", "python3", "3.13")
    assert _run([bin_dir], tmp_path / "pyenv").stdout.strip() == str(chosen)


def test_no_suitable_python_stops_with_a_message_naming_what_was_tried(tmp_path: Path) -> None:
    candidates = ("/usr/bin/python3.12", "/usr/bin/python3.13", "/usr/local/bin/python3.12")
    system = [p for p in candidates if Path(p).exists()]
    if system:
        pytest.skip(f"this machine has {system[0]}, which the script rightly finds")
    bin_dir = tmp_path / "bin"
    _fake_python(bin_dir, "python3", "3.11")
    result = _run([bin_dir], tmp_path / "no-pyenv")
    assert result.returncode == 1
    assert "no Python 3.12 or 3.13 found" in result.stderr
    assert "python3.13, python3.12, python3" in result.stderr and str(tmp_path / "no-pyenv") in result.stderr


def _pins(path: Path) -> dict[str, str]:
    """``name: version`` of a requirements file's ``name==version`` lines (names normalised)."""
    pins = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        spec = line.split("#")[0].strip()
        if "==" in spec:
            name, version = spec.split("==")
            pins[name.strip().lower().replace("_", "-")] = version.strip()
    return pins


def test_the_package_declares_the_runtime_pins_and_its_command() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = _pins_of(project["dependencies"])
    runtime = _pins(REPO / "requirements.txt")
    assert declared and all(runtime.get(name) == version for name, version in declared.items()), declared
    unused = set(runtime) - set(declared)
    assert unused <= {"charset-normalizer"}, f"pinned in requirements.txt but not declared: {unused}"
    module, _, function = project["scripts"]["dashboard"].partition(":")
    assert callable(getattr(importlib.import_module(module), function))


def test_test_pins_are_kept_apart_from_the_runtime_pins() -> None:
    runtime, dev = _pins(REPO / "requirements.txt"), _pins(REPO / "requirements-dev.txt")
    assert {"pytest", "hypothesis", "ruff", "playwright", "mypy"} <= set(dev)
    assert not set(runtime) & set(dev)
    assert "-r requirements.txt" in (REPO / "requirements-dev.txt").read_text(encoding="utf-8")


def _pins_of(specs: list[str]) -> dict[str, str]:
    return {s.split("==")[0].lower().replace("_", "-"): s.split("==")[1] for s in specs}
