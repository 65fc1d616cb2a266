"""`--executor ray`: the same shards, byte for byte, written by Ray tasks on a local Ray instance."""

import pytest

from benchgen.generate import Generation, generate
from machines.cli import main

ray = pytest.importorskip("ray", reason="Ray is the optional extra turingbox[ray] (also in the dev extra)")


@pytest.mark.slow
def test_ray_writes_the_same_files_as_local_workers(tmp_path, capsys):
    generation = Generation("tmbench", 60, 3, {"sampler": "indexed"}, shards=3, split_by="machine")
    generate(generation, tmp_path / "local", workers=2)
    ray.init(include_dashboard=False, log_to_driver=False, num_cpus=2)
    try:
        assert main(["bench", "generate", "tmbench", "--size", "60", "--seed", "3", "--shards", "3",
                     "--split-by", "machine", "--set", "sampler=indexed", "--executor", "ray",
                     "--out", str(tmp_path / "ray")]) == 0
        failing = ["bench", "generate", "tmbench", "--size", "4", "--set", "halting=halting",
                   "--set", "rule_min_length=3", "--set", "rule_max_length=3", "--set", "max_attempts=5",
                   "--executor", "ray", "--out", str(tmp_path / "failing")]
        assert main(failing) == 2
    finally:
        ray.shutdown()
    assert "no acceptable tmbench instance" in " ".join(capsys.readouterr().err.split())
    assert not (tmp_path / "failing").exists()

    def files(folder):
        return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}

    assert files(tmp_path / "ray") == files(tmp_path / "local")
