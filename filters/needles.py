"""Many literal needles found in one pass over a text (Hyperscan), instead of one str.find scan per needle.

The secret rules look for dozens of literal hints and stems in every text (`AccountKey=`, `eyJ`, `pass`, `key`,
...), and most texts hold few of them: each `in` or `str.find` is a full scan of the text. A NeedleSet answers
the same questions from one Hyperscan scan of the text's UTF-8 bytes (SIMD multi-literal search):

- `contains(text, needle)`: `needle in text`, for any needle; a needle of the set is answered from the one scan,
  any other by its own `in` (so a needle left out of a set is slower, never missed);
- `offsets(low)`: every offset of every needle (overlapping ones too), as the str.find loop of
  secret_names.occurrences gives them; ASCII text only (a byte offset is then a character offset).

Exact by construction: needles are ASCII, and an ASCII byte never occurs inside the UTF-8 encoding of another
character, so `needle in text` exactly when its bytes are in the text's bytes.
"""

from __future__ import annotations

import threading

import hyperscan

# below this many characters a text is searched needle by needle (`in`, str.find): one Hyperscan scan has a fixed
# cost (encoding, the call, the results) that a few short scans do not; set from benchmarks/gate_speed.py-like
# timings of find_secrets on real files cut to each length (equal at 1,000-2,000 characters)
MIN_CHARS = 2000


class TextMemo:
    """What was worked out for the last two texts, by identity, one memo per thread (pipelines may scan in threads):
    the rules read the same text and its lower case many times over."""

    def __init__(self):
        self._local = threading.local()

    def get(self, text: str):
        for t, value in getattr(self._local, "kept", ()):
            if t is text:
                return value
        return None

    def put(self, text: str, value):
        kept = self._local.__dict__.setdefault("kept", [])
        kept.insert(0, (text, value))
        del kept[2:]
        return value


class NeedleSet:
    def __init__(self, needles: tuple[str, ...]):
        assert all(n and n.isascii() for n in needles), needles
        self.needles = tuple(dict.fromkeys(needles))
        self.members = frozenset(self.needles)
        self._local = threading.local()  # a database and its scratch per thread: a scratch serves one scan at a time
        self._present = TextMemo()  # the needles found in the last texts scanned

    def _database(self, single: bool) -> tuple[hyperscan.Database, hyperscan.Scratch]:
        key = "single" if single else "all"
        got = getattr(self._local, key, None)
        if got is None:
            db = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
            flags = hyperscan.HS_FLAG_SINGLEMATCH if single else 0
            db.compile(
                expressions=[n.encode("ascii") for n in self.needles],
                ids=list(range(len(self.needles))),
                flags=[flags] * len(self.needles),
                literal=True,
            )
            got = (db, hyperscan.Scratch(db))
            setattr(self._local, key, got)
        return got

    def present(self, text: str) -> frozenset[str]:
        """The needles of the set that occur in `text` (one scan per text; the last two texts are remembered)."""
        found = self._present.get(text)
        if found is None:
            ids: list[int] = []
            db, scratch = self._database(single=True)
            db.scan(
                text.encode("utf-8", "surrogatepass"),
                match_event_handler=lambda i, start, end, flags, ctx: ids.append(i),
                scratch=scratch,
            )
            found = self._present.put(text, frozenset(self.needles[i] for i in ids))
        return found

    def contains(self, text: str, needle: str) -> bool:
        """`needle in text`: from the one scan when the needle is in the set, else by its own scan."""
        if needle in self.members and len(text) >= MIN_CHARS:
            return needle in self.present(text)
        return needle in text

    def offsets(self, low: str) -> dict[str, list[int]] | None:
        """Every offset of every needle in `low`, in order, overlapping occurrences too; None for non-ASCII text."""
        if len(low) < MIN_CHARS or not low.isascii():
            return None
        found: dict[str, list[int]] = {n: [] for n in self.needles}
        lists = [found[n] for n in self.needles]
        db, scratch = self._database(single=False)
        db.scan(
            low.encode("ascii"),
            match_event_handler=lambda i, start, end, flags, ctx: lists[i].append(end),
            scratch=scratch,
        )
        for n, offs in found.items():
            k = len(n)
            offs[:] = sorted(e - k for e in offs)  # Hyperscan reports by end offset; sorted in case of ties
        return found


# The literal gates of the secret rules: a rule (or a provider's pattern) runs only on a text holding its hint. Each
# set is scanned once per text; a hint missing here still works (its own `in` scan), and a test lists every hint the
# rules pass to `contains` that is not here.
TEXT_GATES = NeedleSet(
    (
        # detect-secrets plugins (secret_providers._GATES)
        "A3T",
        "ABIA",
        "ACCA",
        "AKIA",
        "ASIA",
        "AccountKey=",
        "ghp_",
        "gho_",
        "ghu_",
        "ghs_",
        "ghr_",
        "glpat-",
        "gldt-",
        "glft-",
        "glsoat-",
        "glrt-",
        "glcbt-",
        "glimt-",
        "glptt-",
        "glagent-",
        "gloas-",
        "GR1348941",
        "eyJ",
        "T3BlbkFJ",
        "pypi-AgEIcHlwaS5vcmc",
        "pypi-AgENdGVzdC5weXBpLm9yZw",
        "SG.",
        "hooks.slack.com",
        "HOOKS.SLACK.COM",
        "Hooks.Slack.Com",
        "sq0csp-",
        "k_live_",
        "xox",
        # providers detect-secrets misses (secret_providers.EXTRA_PROVIDERS) and placed keys
        "AIza",
        "github_pat_",
        "sk-ant-",
        "sk-",
        "hf_",
        "npm_",
        "_test_",
        "_v1_",
        "shp",
        "LTAI",
        "Key=",
        "AstraCS:",
        "AZDO",
        "00D",
        "k_test_",
        "earer",
        "codecov.io",
        "ecret%3",
        "nseal",
        "jwt.",
        "ionKey",
        "sig=",
        "define(",
        "Basic ",
        "uthorization",
        "1//0",
        "/api/webhooks/",
        # the other rules' gates on the text
        "==",
        "!=",
        "default",
        " -p",
        "-u",
        "kty",
        "assert",
        "Assert",
        "expect",
        '"k"',
        '"d"',
        '"p"',
        '"q"',
        '"dp"',
        '"dq"',
        '"qi"',
        "'k'",
        "'d'",
        "omniauth",
        "provider",
        "Client.new",
        'variable "',
    )
)
# the same on the lower case of the text
LOW_GATES = NeedleSet(
    (
        "values",
        "machine",
        "identified",
        "password",
        "user",
        "role",
        "convertto-securestring",
        "name=",
        "key=",
        "webhook",
    )
)
