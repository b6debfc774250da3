"""Entry script of the frozen TAREaid application (PyInstaller analyses this file).

It does nothing but call the same `main` the `tareaid` console script calls, so the packaged
app and `python -m tareaid` share one code path: every subcommand, `--version` and `--smoke`.
"""

import sys

from tareaid.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
