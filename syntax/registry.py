"""All languages: every module of syntax/lang/ that defines ``LANGUAGES`` (collected on first use)."""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache

from repoloom.syntax.language import Language


@lru_cache(maxsize=None)
def _all() -> dict[str, Language]:
    from repoloom.syntax import lang

    out: dict[str, Language] = {}
    for info in sorted(pkgutil.iter_modules(lang.__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{lang.__name__}.{info.name}")
        for language in getattr(module, "LANGUAGES", ()):
            if language.name in out:
                raise ValueError(f"language {language.name!r} is registered twice")
            out[language.name] = language
    return out


def languages() -> list[Language]:
    """Every registered language, by module name then declaration order."""
    return list(_all().values())


def get(name: str | None) -> Language | None:
    return _all().get(name or "")


def family(name: str | None) -> str | None:
    """The language family (python, jvm, js, c, ...); None for formats without a grammar."""
    lang = _all().get(name or "")
    return lang.family if lang else None
