"""Packaging rules: our packages come from this project, the layers only import downwards,
every subpackage is listed in pyproject.toml, and each facade's __all__ is exact."""

import ast
import importlib
import inspect
import tomllib
from pathlib import Path

import pytest

from tests.common.paths import PROJECT

LAYERS = ["machines", "rasp", "benchgen", "tui"]
GUI_ONLY = {"textual": "tui"}


def _modules(package: str):
    return sorted((PROJECT / package).rglob("*.py"))


@pytest.mark.parametrize("package", LAYERS)
def test_package_is_imported_from_this_project(package):
    module = importlib.import_module(package)
    assert Path(module.__file__).resolve().parent == PROJECT / package


def test_distribution_is_installed():
    from importlib.metadata import distribution

    import machines

    assert distribution("turingbox").version == machines.__version__


@pytest.mark.parametrize("package", LAYERS)
def test_no_upward_imports(package):
    allowed_below = set(LAYERS[: LAYERS.index(package) + 1])
    forbidden = set(LAYERS) - allowed_below
    problems = []
    for path in _modules(package):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top in forbidden or (top in GUI_ONLY and GUI_ONLY[top] != package):
                    problems.append(f"{path.relative_to(PROJECT)}:{node.lineno} imports {name}")
    assert not problems, "\n".join(problems)


def test_every_subpackage_is_listed_in_pyproject():
    config = tomllib.loads((PROJECT / "pyproject.toml").read_text())
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {
        ".".join(init.parent.relative_to(PROJECT).parts)
        for layer in LAYERS
        for init in (PROJECT / layer).rglob("__init__.py")
    }
    assert listed == found


@pytest.mark.parametrize("package", LAYERS)
def test_facade_all_matches_public_names(package):
    module = importlib.import_module(package)
    public = {
        name for name in dir(module)
        if not name.startswith("_") and not inspect.ismodule(getattr(module, name))
    }
    assert set(getattr(module, "__all__", ())) | {"__version__"} >= public
    missing = [name for name in module.__all__ if not hasattr(module, name)]
    assert not missing


def test_every_data_file_in_the_packages_is_shipped_as_package_data():
    from fnmatch import fnmatch

    config = tomllib.loads((PROJECT / "pyproject.toml").read_text())
    patterns = config["tool"]["setuptools"]["package-data"]["*"]
    unshipped = [
        str(path.relative_to(PROJECT))
        for layer in LAYERS
        for path in (PROJECT / layer).rglob("*")
        if path.is_file() and path.suffix not in {".py", ".pyc"} and "__pycache__" not in path.parts
        and not any(fnmatch(path.name, pattern) for pattern in patterns)
    ]
    assert not unshipped, f"add these to [tool.setuptools.package-data]: {unshipped}"


SUBPACKAGES = sorted(
    tomllib.loads((PROJECT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])


@pytest.mark.parametrize("package", SUBPACKAGES)
def test_every_name_a_facade_exports_resolves(package):
    module = importlib.import_module(package)
    missing = [name for name in getattr(module, "__all__", ()) if not hasattr(module, name)]
    assert not missing


def test_a_facade_name_shared_with_a_submodule_stays_the_function():
    import machines.fsm
    import machines.fsm.words  # importing the submodule must not replace the name

    assert callable(machines.fsm.words) and not inspect.ismodule(machines.fsm.words)
