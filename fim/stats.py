"""FIM statistics: additive integer counters per piece, and their readable summary.

Counters (each also as ``fim.lang.<language>.<name>``):
  fim.pieces          FIM decisions taken (one per piece; a short file is one piece)
  fim.files           files (counted on their first piece)
  fim.applied         pieces split into prefix/middle/suffix
  fim.none            pieces left whole
  fim.psm, fim.spm    layout of the applied ones
  fim.method.<m>      node | span | random | line
  fim.middle_chars    sum of middle lengths in characters
  fim.middle_tokens   sum of middle lengths in tokens
  fim.context.trimmed_tokens   (context level only) tokens cut from segment tails to fit the sentinels
"""
from __future__ import annotations

from typing import Any, Mapping

PREFIX = "fim."
METHODS = ("node", "span", "random", "line")


def fim_counters(fim: Mapping[str, Any], language: str | None, first: bool = True) -> dict[str, int]:
    """Counters for one FIM decision; ``fim`` is a Piece.fim dict (empty = left whole)."""
    c = {"pieces": 1, "files": int(first)}
    if fim:
        a, b = fim["middle"]
        c.update({"applied": 1, fim["mode"]: 1, f"method.{fim['method']}": 1,
                  "middle_chars": b - a, "middle_tokens": int(fim.get("middle_tokens", 0))})
    else:
        c["none"] = 1
    out = {PREFIX + k: v for k, v in c.items()}
    if language:
        out.update({f"{PREFIX}lang.{language}.{k}": v for k, v in c.items()})
    return out


def piece_counters(piece, language: str | None = None) -> dict[str, int]:
    """Counters for one Piece (pass the file's language for the per-language variants)."""
    return fim_counters(piece.fim, language or piece.fim.get("language"), piece.index == 0)


def add(total: dict[str, int], counters: Mapping[str, int]) -> dict[str, int]:
    for k, v in counters.items():
        total[k] = total.get(k, 0) + v
    return total


def _summary(get) -> dict[str, Any]:
    pieces, applied = get("pieces"), get("applied")

    def share(x, of):
        return round(x / of, 4) if of else None

    return {
        "pieces": pieces,
        "files": get("files"),
        "fim_rate": share(applied, pieces),
        "psm_share": share(get("psm"), applied),
        "spm_share": share(get("spm"), applied),
        "methods": {m: share(get(f"method.{m}"), applied) for m in METHODS},
        "mean_middle_chars": round(get("middle_chars") / applied, 1) if applied else None,
        "mean_middle_tokens": round(get("middle_tokens") / applied, 1) if applied else None,
    }


def summarize(counters: Mapping[str, int]) -> dict[str, Any]:
    """Summed counters -> FIM rate, PSM/SPM shares, method shares, mean middle lengths; overall and by language."""
    out = _summary(lambda k: counters.get(PREFIX + k, 0))
    if PREFIX + "context.trimmed_tokens" in counters:  # context-level FIM pays sentinels from segment tails
        out["context_trimmed_tokens"] = counters[PREFIX + "context.trimmed_tokens"]
    langs = sorted({k.split(".")[2] for k in counters if k.startswith(PREFIX + "lang.") and k.count(".") >= 3})
    out["by_language"] = {lang: _summary(lambda k, lang=lang: counters.get(f"{PREFIX}lang.{lang}.{k}", 0)) for lang in langs}
    return out
