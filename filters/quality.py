"""Quality heuristics (StarCoder/StarCoder2 family). Scores are computed once and kept
(tag, then filter), so thresholds can be re-applied without re-parsing."""
from __future__ import annotations


def quality_scores(text: str) -> dict[str, float]:
    lines = text.split("\n")
    lengths = [len(x) for x in lines]
    n = len(text)
    alnum = sum(c.isalnum() for c in text)
    return {
        "chars": float(n),
        "lines": float(len(lines)),
        "mean_line": (sum(lengths) / len(lengths)) if lengths else 0.0,
        "max_line": float(max(lengths) if lengths else 0),
        "alnum": (alnum / n) if n else 0.0,
    }


def quality_reason(scores: dict[str, float], language: str | None, cfg: dict) -> str | None:
    """The named drop reason for these scores, or None to keep."""
    q = cfg["quality"]
    if not q["enabled"]:
        return None
    if scores["chars"] < q["min_chars"]:
        return "too_small"
    if scores["mean_line"] > q["max_mean_line"]:
        return "long_lines"
    if scores["max_line"] > q["max_line"]:
        return "long_lines"
    if scores["alnum"] < q["min_alnum"]:
        return "low_alnum"
    return None
