"""machines.life re-exports exactly its public names."""

import inspect

import machines.life


def test_all_is_exact():
    public = {name for name in dir(machines.life)
              if not name.startswith("_") and not inspect.ismodule(getattr(machines.life, name))}
    assert set(machines.life.__all__) == public
