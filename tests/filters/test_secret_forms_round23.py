"""Round 23 (rules kept only when they fix misses of three projects in two dev sets, negatives not rising): a
default login given in prose after the password word, as a `user/password` pair (`the default account password is
admin/hertzbeat.`, `默认管理员登录名和密码admin/maxkey`) or after a Chinese copula (`默认用户名和密码均为：\\`sentinel\\``);
a quoted password that holds a quote of another kind (`password=";'[08gn=#"`); each with the look-alikes it must
leave alone. (Hex under a weak key name was tried and reverted: it met the criterion only as two mechanisms stitched
together; its look-alikes stay as guards.)

All secret values here are fakes made for this file.
"""

from __future__ import annotations

import pytest

from tests.filters.secret_samples import passwords_in as _passwords, values_in as _values


# --- a default login in prose: a user/password pair, or a Chinese copula, after the password word


@pytest.mark.parametrize(
    "text,value",
    [
        # a README's quick start: the pair in backticks, then nothing else on the line
        (
            "2. After the installation is successful, open `localhost:1157`, the default account password is "
            "`admin/quokkabeat`",
            "quokkabeat",
        ),
        ("   Open http://ip:1157/ in the browser. The default account password is admin/quokkabeat.", "quokkabeat"),
        ("The default account password is root/toor1234.", "toor1234"),
        # Chinese docs: the password word runs on into the pair without a space
        ("    *(MAXKEY-200806)  默认管理员登录名和密码admin/wombatkey", "wombatkey"),
        ("默认账号密码 admin/jeecg1234", "jeecg1234"),
        # `为`/`是` (is), `均为` (both are), with or without a colon
        ("1. 访问 http://localhost:8080 页面，进行登陆，默认用户名和密码均为：`quokkinel`。", "quokkinel"),
        ("- 如果省略这两个参数，默认用户和密码均为 `quokkinel`；", "quokkinel"),
        ("初始密码是 `nacos2024`", "nacos2024"),
        ("默认管理员密码为：`Vq8kT3pz`", "Vq8kT3pz"),
    ],
)
def test_a_default_login_in_prose_is_redacted(text, value, cfg):
    assert value in _passwords(text, cfg)


def test_a_chinese_copula_is_not_taken_into_the_value(cfg):
    # `为：` (is:) stands between the password word and the value: only the value is redacted
    assert _passwords("默认密码为：sentinel7", cfg) == ["sentinel7"]


@pytest.mark.parametrize(
    "text",
    [
        "The password is admin/quokkabeat.",  # no default named: a path or a pair of names in a sentence
        "The default account is admin/quokkabeat.",  # no password word
        "the default account password is admin/changeme.",  # a stand-in
        "默认登录名和密码admin/admin",  # five letters: too short to tell
        "默认密码为：`changeme`",  # a stand-in
        "默认密码为 `your-password`",  # a stand-in
        "默认密码为空，请在首次登录后修改。",  # "the default password is empty"
        "默认密码规则为 password_policy/strict",  # "the default password rule is …": a setting's name
        "默认密码存储在 config/secret.yaml",  # "stored in": a path
        "默认密码为 /etc/app/password.txt",  # a path
        "默认密码为 ${DEFAULT_PASSWORD}",  # a template
        "请输入密码password123",  # "please enter the password": a stand-in
    ],
)
def test_default_login_look_alikes_are_left(text, cfg):
    assert _passwords(text, cfg) == []


# --- hex look-alikes under key names: never redacted


@pytest.mark.parametrize(
    "text",
    [
        "ollama key = 8bcdd9b4e28e4e1b8bf14a2eb8701220",  # 32 characters: a hash's length keeps the weak floor
        "\tkey='B97B0AFCAA1A47F044F244A07FCC7D46ACCC4CF8'; \\",  # a GPG key's fingerprint, 40 characters
        '    sha256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"',  # a digest's name
        # the hash named on the line, outside the key's name: a digest given as the value
        "    key: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08  # sha256 of the archive",
        '  "key": "1111222233334444"',  # a chunk three times over
        '  "key": "deadbeefdeadbeef"',  # a hex word, twice
        '\tcacheKey: "a3969bfbf65f073921e",',  # a cache's key
        '  id_key: "a3969bfbf65f073921e",',  # an id
        '  "key": "20240115093000123"',  # a timestamp: digits alone
    ],
)
def test_hex_look_alikes_under_key_names_are_left(text, cfg):
    assert _values(text, cfg) == []


# --- a quoted password that holds a quote of another kind


@pytest.mark.parametrize(
    "text,value",
    [
        ("    const password = 'g#4624$@F$#v`'", "g#4624$@F$#v`"),  # a driver's test: a backtick inside single quotes
        (  # an MQTT broker's test: a single quote inside double quotes, as a call's keyword argument
            'connect_packet = gen_connect("01-unpwd-set", keepalive=keepalive, username="uname", password=";\'[08gn=#")',
            ";'[08gn=#",
        ),
        ("hostname = '10.11.12.13'\nusername = 'jdoe@example.com'\npassword = '`123QWERasdf'\n", "`123QWERasdf"),
        ('"password": "`-08iOR~zZik6ko^\\\\JPBy4r",', "`-08iOR~zZik6ko^\\\\JPBy4r"),  # JSON, an escaped backslash too
        ('password = "Kq7\'mzP2x"', "Kq7'mzP2x"),
    ],
)
def test_a_quoted_password_holding_another_quote_is_redacted(text, value, cfg):
    assert value in _passwords(text, cfg)


@pytest.mark.parametrize(
    "text",
    [
        "password = \"'$PASSWORD'\"",  # a variable quoted for the shell
        "password = \"'%s'\"",  # a format string
        'password: "it\'s"',  # too short
        '  password="`cat /etc/pw`"',  # a command substitution
        "  password: '\"${DB_PASS}\"'",  # a template
        '    "password": "\'\\"$(DB_PASSWORD)\\"\'",',  # a Makefile variable, escaped quotes
        "password = \"'changeme'\"",  # a stand-in, quoted twice
    ],
)
def test_quoted_quotes_that_are_no_password_are_left(text, cfg):
    assert _passwords(text, cfg) == []
