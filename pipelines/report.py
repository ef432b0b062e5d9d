"""The human report of a build: report.md with tables and SVG bar charts (no plotting dependency)."""
from __future__ import annotations

from html import escape
from typing import Any

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
        rows.append(f'<text x="{label_w + w + 4:.1f}" y="{y + 13}" font-size="11">{v:g}{unit}</text>')
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif">'
            + "".join(rows) + "</svg>\n")


def _prefixed(stats: dict, prefix: str) -> list[tuple[str, float]]:
    return sorted(((k[len(prefix):], v) for k, v in stats.items() if k.startswith(prefix)), key=lambda kv: (-kv[1], kv[0]))


def derived(stats: dict[str, Any]) -> dict[str, float]:
    """Shares and means computed from the summed counters."""
    d: dict[str, float] = {}
    files = stats.get("files_kept", 0)
    if stats.get("graph.files"):
        d["edges_per_file"] = stats.get("graph.edges_kept", 0) / stats["graph.files"]
        d["files_with_edges_share"] = stats.get("graph.files_with_edges", 0) / stats["graph.files"]
    if stats.get("graph.edges_kept"):  # in the rows as packed; the planner's own segments for comparison
        d["edges_in_segment_share"] = stats.get("packing.edges_in_segment", 0) / stats["graph.edges_kept"]
        d["planned_edges_in_segment_share"] = stats.get("graph.edges_in_segment", 0) / stats["graph.edges_kept"]
    d.update(packing_figures(stats))
    if files:
        d["test_files_share"] = stats.get("tests.files", 0) / files
    if stats.get("tests.files"):
        d["tests_paired_share"] = stats.get("tests.paired", 0) / stats["tests.files"]
    pieces = stats.get("fim.pieces", 0)
    applied = stats.get("fim.psm", 0) + stats.get("fim.spm", 0)
    if pieces:
        d["fim_rate"] = applied / pieces
    if applied:
        d["spm_share"] = stats.get("fim.spm", 0) / applied
        d["fim_middle_chars_mean"] = stats.get("fim.middle_chars", 0) / applied
        d["fim_middle_tokens_mean"] = stats.get("fim.middle_tokens", 0) / applied
    return d


def packing_figures(stats: dict[str, Any]) -> dict[str, float]:
    """Padding share, pieces per file, files split, same-repository context before each piece."""
    d: dict[str, float] = {}
    tokens = sum(v for k, v in stats.items() if k.startswith("tokens."))
    padding = sum(v for k, v in stats.items() if k.startswith("padding."))
    if tokens + padding:
        d["padding_share"] = padding / (tokens + padding)
    files, parts = stats.get("files_kept", 0), stats.get("packing.parts", 0)
    if files:
        d["pieces_per_file"] = parts / files
        d["files_split_share"] = stats.get("packing.files_split", 0) / files
    if parts:
        d["context_tokens_per_piece"] = stats.get("packing.context_tokens", 0) / parts
    if stats.get("packing.segments"):
        d["segments_per_row"] = stats["packing.segments"] / max(1, sum(v for k, v in stats.items() if k.startswith("rows.")))
    return d


def write_report(out_dir: str, ds: dict[str, Any], stats: dict[str, Any]) -> None:
    drops = _prefixed(stats, "dropped.")
    drop_bytes = dict(_prefixed(stats, "dropped_bytes."))
    langs = _prefixed(stats, "lang.")
    fill = sorted(_prefixed(stats, "fill."), key=lambda kv: kv[0])
    charts = {
        "report-drops.svg": bar_chart_svg("Dropped files by reason", drops),
        "report-languages.svg": bar_chart_svg("Kept files by language", langs),
        "report-fill.svg": bar_chart_svg("Rows by share of tokens that are not padding", fill),
        "report-segments.svg": bar_chart_svg("Segments by length (share of seq_len)",
                                             sorted(_prefixed(stats, "packing.segment_tokens."), key=lambda kv: kv[0])),
    }
    for name, svg in charts.items():
        sink.write_bytes(sink.join(out_dir, name), svg.encode())
    files_in, bytes_in = ds["files_in"] or 1, stats.get("bytes_in", 0) or 1
    lines = [
        "# repoloom build report", "",
        f"- files in: {ds['files_in']}, kept: {ds['files_kept']}, dropped: {sum(ds['dropped'].values())} "
        f"(`files_in == kept + dropped`: {ds['files_in'] == ds['files_kept'] + sum(ds['dropped'].values())})",
        f"- rows: {ds['num_examples']} of {ds['seq_len']} tokens; tokens {ds['tokens']}, padding {ds['padding_tokens']} "
        f"({100 * ds['padding_share']:.1f}%)", "",
        "## Drops", "", "| reason | files | share of files | bytes | share of bytes |", "|---|---:|---:|---:|---:|",
    ]
    for reason, n in drops:
        b = drop_bytes.get(reason, 0)
        lines.append(f"| {reason} | {n:g} | {100 * n / files_in:.2f}% | {b:g} | {100 * b / bytes_in:.2f}% |")
    lines += ["", "![drops](report-drops.svg)", "", "## Languages", "", "![languages](report-languages.svg)", "",
              "## Row fill", "", "![fill](report-fill.svg)", ""]
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
    for name, fmt in (("padding_share", "{:.3%}"), ("pieces_per_file", "{:.3f}"), ("files_split_share", "{:.2%}"),
                      ("context_tokens_per_piece", "{:.0f}"), ("segments_per_row", "{:.2f}")):
        if name in f:
            lines.append(f"| {name} | {fmt.format(f[name])} |")
    if "edges_in_segment_share" in d:
        lines.append(f"| edges_in_segment_share | {d['edges_in_segment_share']:.2%} |")
    cuts = _prefixed(stats, "packing.cut.")
    if cuts:
        lines += ["", "Cut reasons (line_end, token: a piece cut to fill a row; piece_boundary, row_end: a row closed "
                  "with less room than a useful part; slack_tokens: padding those cuts left):", ""]
        lines += [f"- {k}: {v:g}" for k, v in cuts]
    lines += ["", "![segments](report-segments.svg)", ""]
    return lines
