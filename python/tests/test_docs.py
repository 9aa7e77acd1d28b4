"""Runs every ```python block of docs/python.md in turn, in a temporary directory."""

import os
import re

from conftest import SOURCE_ROOT


def test_every_python_block_of_the_guide_runs(tmp_path, monkeypatch):
    guide = (SOURCE_ROOT / "docs" / "python.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```python\n(.*?)^```", guide, flags=re.S | re.M)
    assert len(blocks) >= 6, "the guide lost its examples"
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TANDEM_SOURCE_ROOT", str(SOURCE_ROOT))
    namespace = {"__name__": "__guide__"}
    for number, block in enumerate(blocks, 1):
        try:
            exec(compile(block, f"docs/python.md block {number}", "exec"), namespace)
        except Exception as error:
            raise AssertionError(f"block {number} of docs/python.md failed: {error!r}") from error
    assert os.path.exists(tmp_path / "letter.tmx")
