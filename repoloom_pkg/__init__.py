"""repoloom: see README.md and ../shared/DESIGN.md. Subpackages are the top-level folders."""
__version__ = "0.1.0"
