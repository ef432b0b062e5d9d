"""Passwords that a call or a command takes by position, where no name sits next to the literal.

- Database connections: PHP `mysqli_connect($host, 'user', 'pw', 'db')`, `new mysqli(…)`, `mysql_connect(…)`,
  `new PDO($dsn, 'user', 'pw')`, `new Sequelize('db', 'user', 'pw', {…})`, Java `DriverManager.getConnection(url, "user", "pw")`, Python
  `MySQLdb.connect("host", "user", "pw", "db")`, `pymysql.connect(…)`: the third argument.
- Django's `User.objects.create_user('john', 'john@x.com', 'pw')` and `create_superuser(…)`: the third argument.
- Go's MySQL DSN `"user:pw@tcp(host:3306)/db"` (also `@unix(`), which has no `://` for url_credentials.
- `echo 'user:pw' | chpasswd` (Dockerfiles, provisioning scripts): the text after the user's `:`.

Each is found by a str.find hint and matched with a bounded, anchored pattern (linear on any text).
"""

from __future__ import annotations

import re
from typing import Iterator

from repoloom.filters.needles import LOW_GATES
from repoloom.filters.secret_names import Hit, _is_password_key, _word_key, occurrences
from repoloom.filters.secret_values import password_value_ok

# an argument before the password: a quoted literal or a plain expression (`$host`, `$this->db['user']`, `url`)
_ARG = r"""(?:"[^"\n\\]{0,200}+"|'[^'\n\\]{0,200}+'|[$\w.\[\]'">:\-]{1,80}+)"""
_THIRD_LITERAL = re.compile(
    r"""[ \t]{0,2}+\([ \t\r\n]{0,8}+""" + _ARG + r"""[ \t]{0,4}+,[ \t\r\n]{0,8}+""" + _ARG + r"""[ \t]{0,4}+,"""
    r"""[ \t\r\n]{0,8}+(?P<q>["'])(?P<pw>[^"'\s\\]{4,128}+)(?P=q)[ \t\r\n]{0,8}+[,)]"""
)
# the callee's name in lower case, found from one scan for `connect` (`mysqli_connect`, `MySQLdb.connect`,
# `DriverManager.getConnection`) or `objects.create_`; `new mysqli(` and `new PDO(` by one anchored pattern
_CONNECT_CALLS = (
    "mysqli_connect",
    "mysql_connect",
    "drivermanager.getconnection",
    "mysqldb.connect",
    "pymysql.connect",
)
_CREATE_CALLS = ("objects.create_user", "objects.create_superuser")
_NEW_DB = re.compile(r"new[ \t]{1,4}+\\?(?:mysqli|pdo|sequelize)(?=[ \t]{0,2}+\()")


def _word_start(text: str, i: int) -> bool:
    return i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "_$")


def _third_literal(text: str, end: int) -> Iterator[Hit]:
    m = _THIRD_LITERAL.match(text, end)
    if m and password_value_ok(m.group("pw"), quoted=True, words=True):
        yield Hit("password", m.start("pw"), m.end("pw"), "PositionalCallPassword")


def positional_call_passwords(text: str, low: str) -> Iterator[Hit]:
    for i in occurrences(low, "connect"):
        for name in _CONNECT_CALLS:
            s = i - name.rfind("connect")
            if s >= 0 and low.startswith(name, s) and _word_start(text, s):
                yield from _third_literal(text, s + len(name))
                break
    for i in occurrences(low, "objects.create_"):
        for name in _CREATE_CALLS:
            if low.startswith(name, i):
                yield from _third_literal(text, i + len(name))
                break
    for m in _NEW_DB.finditer(low):  # the pattern's literal prefix `new` is searched for in C: one scan
        if _word_start(text, m.start()):
            yield from _third_literal(text, m.end())


# `"root:pw@tcp(127.0.0.1:3306)/db"`: the user starts after a quote, `=` or a space (`DSN=root:pw@tcp(…)`)
_GO_DSN = re.compile(r"""[\w.\-]{1,64}+:(?P<pw>[^\s"'`@:/]{4,128}+)@(?:tcp|unix|udp)\(""")


_DSN_NET = re.compile(r"@(?:tcp|unix|udp)\(")  # one scan for the literal `@`


def go_dsn_passwords(text: str, low: str) -> Iterator[Hit]:
    for h in _DSN_NET.finditer(low):
        i = h.start()
        ls = max(text.rfind("\n", max(0, i - 200), i) + 1, i - 200)
        j = i
        while j > ls and text[j - 1] not in " \t\"'`=(,":
            j -= 1
        m = _GO_DSN.match(text, j)
        if m and m.end() == h.end() and password_value_ok(m.group("pw"), quoted=True, words=True):
            yield Hit("password", m.start("pw"), m.end("pw"), "DsnPassword")


# `echo 'root:Docker!' | chpasswd`, `echo "$USER:pw" | sudo chpasswd`
_ECHO_CHPASSWD = re.compile(
    r"""echo[ \t]{1,4}+(?:-[ne][ \t]{1,4}+)?(?P<q>\\?["']?)[^\s"':`|;&]{1,32}+:(?P<pw>[^\s"'$`|;&\\:]{4,64}+)(?P=q)"""
    r"""[ \t]{0,4}+\|[ \t]{0,4}+(?:sudo[ \t]{1,4}+(?:-[A-Za-z][ \t]{1,4}+){0,3}?)?chpasswd\b"""
)


def chpasswd_passwords(text: str, low: str) -> Iterator[Hit]:
    if not occurrences(low, "chpasswd"):
        return
    for i in occurrences(low, "echo"):
        m = _ECHO_CHPASSWD.match(text, i) if _word_start(text, i) else None
        if m and password_value_ok(m.group("pw"), quoted=True, words=True):
            yield Hit("password", m.start("pw"), m.end("pw"), "ChpasswdPassword")


# SQL `INSERT INTO users (name, password) VALUES ('admin', 'admin123'), (…)`: the password column's literals
_INSERT_HEAD = re.compile(
    r"""insert[ \t]{1,4}+into[ \t]{1,4}+[\w.`"\[\]]{1,80}+[ \t]{0,4}+\((?P<cols>[^()\n;]{1,800}+)\)[ \t\r\n]{0,8}+"""
    r"""values[ \t\r\n]{0,8}+""",
    re.IGNORECASE,
)
# one value of a row: a quoted literal (`''` and `\'` escape a quote), a number, NULL, a call (`NOW()`, `md5('x')`)
_SQL_VALUE = re.compile(
    r"""[ \t\r\n]{0,8}+(?:(?P<q>')(?P<s>(?:[^'\\\n]|''|\\.){0,256}+)'|"(?:[^"\\\n]|\\.){0,256}+"|"""
    r"""[\w.\-+]{1,64}+(?:[ \t]{0,2}+\((?:[^()'\n]|'[^'\n]{0,256}+'){0,256}+\))?)[ \t\r\n]{0,8}+(?P<sep>[,)])"""
)
# a stored hash in the password column, not a password: modular crypt (`$2a$10$…`, `$argon2id$…`), LDAP's `{SSHA}…`,
# hex digests
_STORED_HASH = re.compile(r"\$[0-9a-z]{1,10}+\$|\{[A-Za-z0-9\-]{2,12}+\}|(?:[0-9a-fA-F]{32}){1,4}+$|[0-9a-fA-F]{40}$")
_ROW_OPEN = re.compile(r"[ \t\r\n]{0,8}+,?[ \t\r\n]{0,8}+\(")
_MAX_ROWS = 200


def _password_column(cols: str) -> int:
    names = [c.strip().strip('`"[] ') for c in cols.split(",")]
    for k, n in enumerate(names):
        if n and _is_password_key(n) and _word_key(n):
            return k
    return -1


def insert_passwords(text: str, low: str) -> Iterator[Hit]:
    starts = occurrences(low, "insert")
    if not starts or not LOW_GATES.contains(low, "values"):
        return
    for i in starts:
        m = _INSERT_HEAD.match(text, i) if _word_start(text, i) else None
        if not m:
            continue
        col = _password_column(m.group("cols"))
        if col < 0:
            continue
        pos = m.end()
        for _ in range(_MAX_ROWS):
            r = _ROW_OPEN.match(text, pos)
            if not r:
                break
            pos, k, cell = r.end(), 0, None
            while v := _SQL_VALUE.match(text, pos):
                if k == col and v.group("q"):
                    cell = v
                pos, k = v.end(), k + 1
                if v.group("sep") == ")":
                    break
            else:
                break  # not a row of plain values: stop reading this statement
            if cell is not None:
                pw = cell.group("s")
                if "''" not in pw and not _STORED_HASH.match(pw) and password_value_ok(pw, quoted=True, words=True):
                    yield Hit("password", cell.start("s"), cell.end("s"), "SqlInsertPassword")


def call_passwords(text: str, low: str) -> Iterator[Hit]:
    yield from positional_call_passwords(text, low)
    if "@" in text:
        yield from go_dsn_passwords(text, low)
    yield from chpasswd_passwords(text, low)
    yield from insert_passwords(text, low)
