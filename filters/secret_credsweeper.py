"""CredSweeper as an opt-in second opinion on secrets (`pii.credsweeper`, off by default; issue 13).

`credsweeper_hits(text)` runs CredSweeper 1.19.5's default scan (its rules, filters and ONNX ML validation at its
default threshold) on the text in memory and returns Hits like filters/secrets.find_secrets: the value's character
span only, kind "password" for its password rules and "key" for the rest, sorted. find_pii adds them after our own
rules and resolves overlaps as usual.

CredSweeper reports a line number and the value's offsets in its copy of that line (a 4,000-character chunk of a
long line); each is mapped back to an offset in `text` and checked to hold exactly the reported value. A value that
cannot be located so is never redacted by guess: it is counted (`unlocated()`) and skipped.

The package is an extra (`pip install 'repoloom[credsweeper]'`); nothing here imports it until a scan runs, and
`check_available` fails at config time when the option is on and the package is missing.
"""

from __future__ import annotations

import importlib.util
import threading
import warnings

from repoloom.core.config import ConfigError
from repoloom.filters.secret_names import Hit

INSTALL_HINT = "pip install 'repoloom[credsweeper]'"
DETECTOR = "CredSweeper"
# CredSweeper's rules whose value is a password (a login's secret half); every other rule's value is a key or token.
PASSWORD_RULES = frozenset(
    {
        "PASSWD_PAIR",
        "IP_ID_PASSWORD_TRIPLE",
        "ID_PAIR_PASSWD_PAIR",
        "ID_PASSWD_PAIR",
        "DOC_CREDENTIALS",
        "SQL Password",
        "CURL Options",
        "CURL User Password",
        "CMD ConvertTo-SecureString",
        "CMD Password",
        "URL Credentials",
        "Password",
        "Credential",
    }
)

_LOCK = threading.Lock()  # one scanner per process; its candidate list is shared state
_STATE: dict = {"sweeper": None, "provider": None, "unlocated": 0}


def check_available() -> None:
    """Raise a ConfigError naming the extra to install when CredSweeper is not importable."""
    if importlib.util.find_spec("credsweeper") is None:
        raise ConfigError(f"CredSweeper is not installed, and the config turns pii.credsweeper on: {INSTALL_HINT}")


def _sweeper():
    """The process's CredSweeper, created on first use (its rules and ML model load once)."""
    if _STATE["sweeper"] is None:
        check_available()
        import logging

        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)  # its providers are marked for a future refactor
            from credsweeper.app import CredSweeper
            from credsweeper.file_handler.string_content_provider import StringContentProvider

        logging.getLogger("credsweeper").setLevel(logging.ERROR)  # it logs per scan at INFO
        _STATE["sweeper"] = CredSweeper()  # default rules, filters, ML threshold (medium), one process
        _STATE["provider"] = StringContentProvider
    return _STATE["sweeper"]


def unlocated() -> int:
    """Values CredSweeper reported in this process that could not be located in their text (never redacted)."""
    return _STATE["unlocated"]


def _candidates(lines: list[str], path: str) -> list:
    with _LOCK:
        cs = _sweeper()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            # lines in memory, no temporary file; the path's extension selects rules and is one of the model's features
            provider = _STATE["provider"](lines, file_path=path or None)
        cm = cs.credential_manager
        cm.set_credentials(cs.file_scan(provider))
        cs.post_processing(None)  # dedup, then ML validation of the candidates whose rule asks for it
        found = list(cm.get_credentials())  # a copy: clearing empties the list it returns
        cm.clear_credentials()
    return found


def _locate(text: str, starts: list[int], lines: list[str], ld) -> tuple[int, int] | None:
    """The reported value's span in `text`, or None when the report does not point at that exact value."""
    value, k = ld.value, ld.line_num - 1
    if not value or not 0 <= k < len(lines) or not 0 <= ld.value_start < ld.value_end:
        return None
    line = lines[k]
    # CredSweeper's line is the whole line or one chunk of a long one; a chunk is found by its text
    base = 0 if ld.line == line else line.find(ld.line) if ld.line else -1
    if base >= 0 and line[base + ld.value_start : base + ld.value_end] == value:
        s = starts[k] + base + ld.value_start
    elif line.count(value) == 1:  # the offsets were for a rewritten line; the value itself is unambiguous
        s = starts[k] + line.find(value)
    else:
        return None
    return (s, s + len(value)) if text[s : s + len(value)] == value else None


def credsweeper_hits(text: str, path: str = "") -> list[Hit]:
    """CredSweeper's validated findings in `text` as value spans, sorted by (start, end, kind). `path`, the file's
    name, is what CredSweeper would see scanning the repository (empty: no name, as for a snippet)."""
    lines = text.split("\n")
    starts, pos = [], 0
    for ln in lines:
        starts.append(pos)
        pos += len(ln) + 1
    # a CRLF line's "\r" is not part of it (offsets before it are unchanged)
    lines = [ln[:-1] if ln.endswith("\r") else ln for ln in lines]
    rules: dict[tuple[int, int, str], str] = {}  # one hit per span and kind, named by its first rule
    for cand in _candidates(lines, path):
        kind = "password" if cand.rule_name in PASSWORD_RULES else "key"
        for ld in cand.line_data_list:
            span = _locate(text, starts, lines, ld)
            if span is None:
                _STATE["unlocated"] += 1
                continue
            key = (span[0], span[1], kind)
            rules[key] = min(rules.get(key, cand.rule_name), cand.rule_name)
    return [Hit(kind, s, e, f"{DETECTOR}: {rules[s, e, kind]}") for s, e, kind in sorted(rules)]
