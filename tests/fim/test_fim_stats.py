from repoloom.core.types import Piece
from repoloom.fim import stats


def _piece(index, fim):
    return Piece("r", "a.py", index, [1, 2, 3], (0, 10), fim)


def test_counters_sum_to_summary():
    total: dict[str, int] = {}
    pieces = [
        (_piece(0, {"mode": "psm", "method": "node", "middle": (2, 12), "middle_tokens": 4}), "python"),
        (_piece(1, {"mode": "spm", "method": "span", "middle": (0, 30), "middle_tokens": 8}), "python"),
        (_piece(0, {}), "go"),
        (_piece(0, {"mode": "spm", "method": "line", "middle": (5, 7), "middle_tokens": 1}), "go"),
    ]
    for p, lang in pieces:
        stats.add(total, stats.piece_counters(p, lang))
    assert total["fim.pieces"] == 4 and total["fim.files"] == 3 and total["fim.applied"] == 3
    assert total["fim.lang.go.none"] == 1 and total["fim.lang.python.files"] == 1
    s = stats.summarize(total)
    assert s["fim_rate"] == 0.75
    assert s["psm_share"] == round(1 / 3, 4) and s["spm_share"] == round(2 / 3, 4)
    assert s["methods"] == {"node": round(1 / 3, 4), "span": round(1 / 3, 4), "random": 0.0, "line": round(1 / 3, 4)}
    assert s["mean_middle_chars"] == round((10 + 30 + 2) / 3, 1)
    assert s["mean_middle_tokens"] == round(13 / 3, 1)
    assert s["by_language"]["go"]["fim_rate"] == 0.5
    assert s["by_language"]["python"]["mean_middle_tokens"] == 6.0
    assert stats.summarize({})["fim_rate"] is None
