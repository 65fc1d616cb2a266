"""The machines.fsm facade: an exact __all__, every public name documented, grammars shipped as data."""

import inspect
from importlib import resources

import machines.fsm as fsm


def test_all_is_exact():
    public = {name for name in dir(fsm) if not inspect.ismodule(getattr(fsm, name))
              and not name.startswith("_")}
    assert public == set(fsm.__all__)


def test_every_public_name_has_a_docstring():
    undocumented = [name for name in fsm.__all__ if callable(getattr(fsm, name))
                    and not (getattr(fsm, name).__doc__ or "").strip()]
    assert undocumented == []


def test_grammars_are_package_data():
    for grammar in ("regex.lark", "fsm.lark"):
        assert resources.files("machines.fsm").joinpath(grammar).read_text(encoding="utf-8").startswith("//")
