"""FIM statistics: additive integer counters per piece, and their readable summary.

The counters (fim.pieces, fim.applied, fim.psm, fim.method.<m>, ..., each also per language as
fim.lang.<language>.<name>) are declared in core/counters.py, which says what each counts.
"""

from __future__ import annotations

from typing import Any, Mapping

from repoloom.core import counters as C

METHODS = ("node", "span", "random", "line")


def fim_counters(fim: Mapping[str, Any], language: str | None, first: bool = True) -> dict[str, int]:
    """Counters for one FIM decision; ``fim`` is a Piece.fim dict (empty = left whole)."""
    c = {C.FIM_PIECES: 1, C.FIM_FILES: int(first)}
    if fim:
        a, b = fim["middle"]
        c.update(
            {
                C.FIM_APPLIED: 1,
                C.FIM_MODES[fim["mode"]]: 1,
                C.FIM_METHOD.key(fim["method"]): 1,
                C.FIM_MIDDLE_CHARS: b - a,
                C.FIM_MIDDLE_TOKENS: int(fim.get("middle_tokens", 0)),
            }
        )
    else:
        c[C.FIM_NONE] = 1
    if language:
        c.update({C.fim_by_language(k, language): v for k, v in list(c.items())})
    return c


def piece_counters(piece, language: str | None = None) -> dict[str, int]:
    """Counters for one Piece (pass the file's language for the per-language variants)."""
    return fim_counters(piece.fim, language or piece.fim.get("language"), piece.index == 0)


add = C.add  # sums counter dicts


def figures(counters: Mapping[str, int]) -> dict[str, Any]:
    """FIM rate, PSM/SPM and method shares, mean middle lengths (None where undefined), from summed
    counters. The one place these figures are computed (summarize rounds them; the report uses them)."""
    pieces, applied = counters.get(C.FIM_PIECES, 0), counters.get(C.FIM_APPLIED, 0)

    def share(x, of):
        return x / of if of else None

    return {
        "pieces": pieces,
        "files": counters.get(C.FIM_FILES, 0),
        "applied": applied,
        "fim_rate": share(applied, pieces),
        "psm_share": share(counters.get(C.FIM_PSM, 0), applied),
        "spm_share": share(counters.get(C.FIM_SPM, 0), applied),
        "methods": {m: share(C.FIM_METHOD.get(counters, m), applied) for m in METHODS},
        "mean_middle_chars": share(counters.get(C.FIM_MIDDLE_CHARS, 0), applied),
        "mean_middle_tokens": share(counters.get(C.FIM_MIDDLE_TOKENS, 0), applied),
    }


def _summary(counters: Mapping[str, int]) -> dict[str, Any]:
    f = figures(counters)

    def r(x, digits):
        return None if x is None else round(x, digits)

    return {
        "pieces": f["pieces"],
        "files": f["files"],
        "fim_rate": r(f["fim_rate"], 4),
        "psm_share": r(f["psm_share"], 4),
        "spm_share": r(f["spm_share"], 4),
        "methods": {m: r(v, 4) for m, v in f["methods"].items()},
        "mean_middle_chars": r(f["mean_middle_chars"], 1),
        "mean_middle_tokens": r(f["mean_middle_tokens"], 1),
    }


def summarize(counters: Mapping[str, int]) -> dict[str, Any]:
    """Summed counters -> FIM rate, PSM/SPM shares, method shares, mean middle lengths; overall and by language."""
    out = _summary(counters)
    if C.FIM_CONTEXT_TRIMMED in counters:  # context-level FIM pays sentinels from segment tails
        out["context_trimmed_tokens"] = counters[C.FIM_CONTEXT_TRIMMED]
    out["by_language"] = {lang: _summary(C.fim_of_language(counters, lang)) for lang in C.fim_languages(counters)}
    return out
