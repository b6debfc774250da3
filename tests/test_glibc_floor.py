"""packaging/glibc_floor.py reads the glibc versions a build needs from objdump or readelf."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _module():
    spec = importlib.util.spec_from_file_location(
        "glibc_floor", ROOT / "packaging" / "glibc_floor.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# Excerpts typed from `objdump -T` and `readelf --dyn-syms -W` of libexpat.so.1 (Debian 12).
OBJDUMP = """
libexpat.so.1:     file format elf64-x86-64

DYNAMIC SYMBOL TABLE:
0000000000000000      DF *UND*	0000000000000000 (GLIBC_2.2.5) free
0000000000000000      DF *UND*	0000000000000000 (GLIBC_2.36) arc4random_buf
0000000000000000      DF *UND*	0000000000000000 (GLIBC_2.14) memcpy
000000000000b1e0 g    DF .text	0000000000000015  Base        XML_ParserCreate
0000000000000000  w   D  *UND*	0000000000000000  Base        __gmon_start__
"""
READELF = """
Symbol table '.dynsym' contains 3 entries:
   Num:    Value          Size Type    Bind   Vis      Ndx Name
     1: 0000000000000000     0 FUNC    GLOBAL DEFAULT  UND free@GLIBC_2.2.5 (2)
     2: 0000000000000000     0 FUNC    GLOBAL DEFAULT  UND arc4random_buf@GLIBC_2.36 (5)
     3: 000000000000b1e0    21 FUNC    GLOBAL DEFAULT   14 XML_ParserCreate
"""


@pytest.mark.parametrize("dump", [OBJDUMP, READELF], ids=["objdump", "readelf"])
def test_the_needed_versions_are_read_from_undefined_symbols(dump):
    needs = _module().parse_needs(dump)
    assert max(needs) == (2, 36)
    assert needs[(2, 36)] == {"arc4random_buf"}
    assert needs[(2, 2, 5)] == {"free"}


@pytest.mark.skipif(
    shutil.which("objdump") is None and shutil.which("readelf") is None,
    reason="binutils not installed",
)
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF files")
def test_the_floor_of_this_python_is_found(tmp_path):
    module = _module()
    (tmp_path / "python").write_bytes(Path(sys.executable).resolve().read_bytes())
    version, needing = module.floor(tmp_path)
    assert version >= (2, 2)
    assert list(needing) == ["python"]
