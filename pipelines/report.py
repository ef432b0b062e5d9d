"""The human report of a build: report.md with tables and SVG bar charts (no plotting dependency)."""

from __future__ import annotations

from html import escape
from typing import Any

from repoloom.core import counters as C
from repoloom.fim import stats as fim_stats
from repoloom.pipelines import sink


def bar_chart_svg(title: str, items: list[tuple[str, float]], unit: str = "") -> str:
    """A horizontal bar chart as standalone SVG text."""
    width, bar_h, label_w = 640, 18, 220
    height = 30 + bar_h * max(1, len(items)) + 10
    top = max((v for _, v in items), default=0) or 1
    rows = [f'<text x="10" y="18" font-size="14" font-weight="bold">{escape(title)}</text>']
    for i, (label, v) in enumerate(items):
        y = 30 + i * bar_h
        w = (width - label_w - 90) * v / top
        rows.append(f'<text x="{label_w - 6}" y="{y + 13}" font-size="11" text-anchor="end">{escape(label)}</text>')
        rows.append(f'<rect x="{label_w}" y="{y + 2}" width="{w:.1f}" height="{bar_h - 5}" fill="#4c78a8"/>')
        rows.append(f'<text x="{label_w + w + 4:.1f}" y="{y + 13}" font-size="11">{_count(v)}{unit}</text>')
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif">'
        + "".join(rows)
        + "</svg>\n"
    )


def _count(v: float) -> str:
    """Counts in full (1240500, never 1.2405e+06); other figures to 4 significant digits."""
    return str(int(v)) if float(v).is_integer() else f"{v:.4g}"


def human_bytes(n: float) -> str:
    """1240500 -> '1.2 MB' (powers of 1000, as disk sizes are sold); exact below 1 kB."""
    if n < 1000:
        return f"{int(n)} B"
    for unit in ("kB", "MB", "GB", "TB", "PB"):
        n /= 1000
        if n < 999.95 or unit == "PB":
            return f"{n:.1f} {unit}"
    return f"{n:.1f} PB"


def _by_count(family: C.Family, stats: dict) -> list[tuple[str, float]]:
    return sorted(family.items(stats).items(), key=lambda kv: (-kv[1], kv[0]))


def derived(stats: dict[str, Any]) -> dict[str, float]:
    """Shares and means computed from the summed counters."""
    d: dict[str, float] = {}
    files = stats.get(C.FILES_KEPT, 0)
    if stats.get(C.GRAPH_FILES):
        d["edges_per_file"] = stats.get(C.GRAPH_EDGES_KEPT, 0) / stats[C.GRAPH_FILES]
        d["files_with_edges_share"] = stats.get(C.GRAPH_FILES_WITH_EDGES, 0) / stats[C.GRAPH_FILES]
    if stats.get(C.GRAPH_EDGES_KEPT):  # in the rows as packed; the planner's own segments for comparison
        d["edges_in_segment_share"] = stats.get(C.PACKING_EDGES_IN_SEGMENT, 0) / stats[C.GRAPH_EDGES_KEPT]
        d["planned_edges_in_segment_share"] = stats.get(C.GRAPH_EDGES_IN_SEGMENT, 0) / stats[C.GRAPH_EDGES_KEPT]
    d.update(packing_figures(stats))
    if files:
        d["test_files_share"] = stats.get(C.TESTS_FILES, 0) / files
    if stats.get(C.TESTS_FILES):
        d["tests_paired_share"] = stats.get(C.TESTS_PAIRED, 0) / stats[C.TESTS_FILES]
    fim = fim_stats.figures(stats)
    if fim["fim_rate"] is not None:
        d["fim_rate"] = fim["fim_rate"]
    if fim["applied"]:
        d["spm_share"] = fim["spm_share"]
        d["fim_middle_chars_mean"] = fim["mean_middle_chars"]
        d["fim_middle_tokens_mean"] = fim["mean_middle_tokens"]
    return d


def packing_figures(stats: dict[str, Any]) -> dict[str, float]:
    """Padding share, pieces per file, files split, same-repository context before each piece."""
    d: dict[str, float] = {}
    tokens, padding = C.TOKENS.total(stats), C.PADDING.total(stats)
    if tokens + padding:
        d["padding_share"] = padding / (tokens + padding)
    files, parts = stats.get(C.FILES_KEPT, 0), stats.get(C.PACKING_PARTS, 0)
    if files:
        d["pieces_per_file"] = parts / files
        d["files_split_share"] = stats.get(C.PACKING_FILES_SPLIT, 0) / files
    if parts:
        d["context_tokens_per_piece"] = stats.get(C.PACKING_CONTEXT_TOKENS, 0) / parts
    if stats.get(C.PACKING_SEGMENTS):
        d["segments_per_row"] = stats[C.PACKING_SEGMENTS] / max(1, C.ROWS.total(stats))
    return d


def write_report(out_dir: str, ds: dict[str, Any], stats: dict[str, Any]) -> None:
    drops = _by_count(C.DROPPED, stats)
    drop_bytes = C.DROPPED_BYTES.items(stats)
    langs = _by_count(C.LANG, stats)
    fill = list(C.FILL.items(stats).items())
    charts = {
        "report-drops.svg": bar_chart_svg("Dropped files by reason", drops),
        "report-languages.svg": bar_chart_svg("Kept files by language", langs),
        "report-fill.svg": bar_chart_svg("Rows by share of tokens that are not padding", fill),
        "report-segments.svg": bar_chart_svg(
            "Segments by length (share of seq_len)", list(C.PACKING_SEGMENT_TOKENS.items(stats).items())
        ),
    }
    for name, svg in charts.items():
        sink.write_bytes(sink.join(out_dir, name), svg.encode())
    files_in, bytes_in = ds["files_in"] or 1, stats.get(C.BYTES_IN, 0) or 1
    lines = [
        "# repoloom build report",
        "",
        f"- files in: {ds['files_in']}, kept: {ds['files_kept']}, dropped: {sum(ds['dropped'].values())} "
        f"(`files_in == kept + dropped`: {ds['files_in'] == ds['files_kept'] + sum(ds['dropped'].values())})",
        f"- rows: {ds['num_examples']} of {ds['seq_len']} tokens; tokens {ds['tokens']}, padding {ds['padding_tokens']} "
        f"({100 * ds['padding_share']:.1f}%)",
        "",
        "## Drops",
        "",
        "| reason | files | share of files | bytes | share of bytes |",
        "|---|---:|---:|---:|---:|",
    ]
    for reason, n in drops:
        b = drop_bytes.get(reason, 0)
        lines.append(
            f"| {reason} | {_count(n)} | {100 * n / files_in:.2f}% | {human_bytes(b)} | {100 * b / bytes_in:.2f}% |"
        )
    lines += [
        "",
        "![drops](report-drops.svg)",
        "",
        "## Languages",
        "",
        "![languages](report-languages.svg)",
        "",
        "## Row fill",
        "",
        "![fill](report-fill.svg)",
        "",
    ]
    lines += packing_section(stats)
    lines += ["## Derived figures", ""]
    lines += [f"- {k}: {v:.4g}" for k, v in sorted(derived(stats).items())]
    lines += ["", "## All counters", "", "```"] + [f"{k}: {v}" for k, v in sorted(stats.items())] + ["```", ""]
    sink.write_bytes(sink.join(out_dir, "report.md"), "\n".join(lines).encode())


def packing_section(stats: dict[str, Any]) -> list[str]:
    """Packing: padding, pieces per file, what it costs in context, why pieces were cut, segment lengths."""
    f = packing_figures(stats)
    d = derived(stats)
    lines = ["## Packing", "", "| figure | value |", "|---|---:|"]
    for name, fmt in (
        ("padding_share", "{:.3%}"),
        ("pieces_per_file", "{:.3f}"),
        ("files_split_share", "{:.2%}"),
        ("context_tokens_per_piece", "{:.0f}"),
        ("segments_per_row", "{:.2f}"),
    ):
        if name in f:
            lines.append(f"| {name} | {fmt.format(f[name])} |")
    if "edges_in_segment_share" in d:
        lines.append(f"| edges_in_segment_share | {d['edges_in_segment_share']:.2%} |")
    cuts = _by_count(C.PACKING_CUT, stats)
    if cuts:
        lines += [
            "",
            "Cut reasons (line_end, token: a piece cut to fill a row; piece_boundary, row_end: a row closed "
            "with less room than a useful part; slack_tokens: padding those cuts left):",
            "",
        ]
        lines += [f"- {k}: {v:g}" for k, v in cuts]
    lines += ["", "![segments](report-segments.svg)", ""]
    return lines
