"""repoloom: repository-level pretraining data for code language models (see README.md).

Subpackages are the top-level folders of the source tree. ``repoloom.read_rows(DIR)`` reads a build's
rows back (``repoloom.core.reader``); it is imported on first use so ``import repoloom`` stays light.
"""

__version__ = "0.1.0"


def __getattr__(name):
    if name == "read_rows":
        from repoloom.core.reader import read_rows

        return read_rows
    raise AttributeError(f"module 'repoloom' has no attribute {name!r}")
