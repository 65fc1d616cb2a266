"""machines.life re-exports exactly its public names."""

import inspect

import machines.life


def test_all_is_exact():
    public = {name for name, value in vars(machines.life).items()
              if not name.startswith("_") and not inspect.ismodule(value)}
    assert set(machines.life.__all__) == public
