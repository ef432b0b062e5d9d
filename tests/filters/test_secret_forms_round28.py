"""Round 28 (dev sets 2-25; a recall rule kept only when it fixes misses of 3 projects in 2 sets): Chinese text
labels a password with `密码` (`密碼`, `口令`) and a connector, `：`, `是` or `为` (is), with no space on either side,
and the ASCII value ends where the Chinese text or its full-width punctuation resumes: `密码是 herodotus。如果…`
(a SQL comment that creates a user, dante-cloud, set 23), `账号/密码：test/test123.` (mayfly-go, set 24), `…文件
https://share.weiyun.com/… 密码：vd3aig` (jshERP, set 25). A `user/password` pair after the word only after a
label naming both (`账号密码`, `账号/密码`). The value must be one a person chose (`word_literal`): the defaults the
same documents give (`admin/123456`, `password`) stay stand-ins, as dev labels them in a dozen projects.

All secret values here are fakes made for this file.
"""

from __future__ import annotations

import pytest

from repoloom.filters import secret_values
from tests.filters.secret_samples import passwords_in, secrets_in, values_in


@pytest.mark.parametrize(
    "text, value",
    [
        # a SQL script's comment that creates a user (`is`, then a full stop with no space)
        ("-- 创建用户 kestrel 密码是 kestrel。如果用户已经存在，则可以略过。\nCREATE USER kestrel;\n", "kestrel"),
        # a README's demo login: a label naming both, then the pair
        ("## 演示\n\n账号/密码：demo/wombat42.\n", "wombat42"),
        ("> 账号密码：operator/kumquat7\n", "kumquat7"),
        # a download link's share password at the end of a list item
        ("* 请下载打包后的文件 https://pan.example.cn/s/NDJNLhry 密码：vd3aig\n", "vd3aig"),
        # `为` (is) with a space, then Chinese text
        ("部署完成之后，默认密码为 tiger99 登录系统。\n", "tiger99"),
        # quoted after a full-width colon
        ('# 初始化管理员账号成功，密码："lantern8"\n', "lantern8"),
    ],
)
def test_a_password_a_chinese_label_gives(cfg, text, value):
    assert value in passwords_in(text, cfg)


@pytest.mark.parametrize(
    "text",
    [
        # defaults the documents give: stand-ins, labelled negative across dev
        "> 默认账号密码： admin/123456\n",
        "账号密码：admin/admin\n",
        "   密码为：`password`\n",
        "* 用户管理：新增用户后，默认密码为 123456\n",
        # a pair with no label naming the user
        "密码：dir/subdir7\n",
        # the word, then a description rather than a value
        "* mysql.password： 填写未来要部署mysql数据库的root密码，这个密码不要有特殊字符\n",
        "     * 密码正则模板（密码长度为 min-max 个字符，支持大小写字母）\n",
        '    "min-password-length": "密码最短长度为 {n} 个字符",\n',
        # a placeholder in a form
        '<input type="password" placeholder="请输入密码" name="loginPassword">\n',
        # short: a product's name as its own default (`nacos`)
        "// 创建用户 nacos 密码是 nacos。\n",
    ],
)
def test_chinese_text_about_passwords_is_left(cfg, text):
    assert passwords_in(text, cfg) == []


# Lower-case words joined by hyphens with a credential word among them, then a serial number, describe a value rather
# than being one: dev labels the shape negative in 15 projects (sets 4-25: Kafka SASL users, a Datadog plugin's
# test keys, OAuth2 client fixtures, SMTP settings, a dashboard's e2e test) and positive in 3 (two tools' fixtures
# and spring-boot-admin's `secure-password-123`, which this costs).
@pytest.mark.parametrize(
    "text",
    [
        # a compose file's SASL users for a client library's tests
        "      KAFKA_CLIENT_PASSWORDS: admin-secret-256\n",
        "      KAFKA_INTER_BROKER_PASSWORD: admin-secret-512\n",
        # a test's constant in an e2e suite
        "  const testPassword = 'test-admin-key-12345';\n",
        # a JSON fixture of OAuth2 clients
        '  "Secret": "secret-0014",\n',
        # a plugin's test keys on a command line
        '  run /bin/bash -c "dokku datadog:set $TEST_APP --metadata apiKey=secret-1 --metadata appKey=secret-2"\n',
        # an env file's example setting
        "- SMTP_PASSWORD=key-123456789\n",
    ],
)
def test_a_numbered_description_is_a_stand_in(cfg, text):
    assert secrets_in(text, cfg) == []


@pytest.mark.parametrize(
    "text, value",
    [
        # a credential word with digits typed onto it, no hyphen: a chosen weak password (round 22's rule)
        ("  password: secret2024\n", "secret2024"),
        # words without a credential word, and a number
        ("  password: kumquat-lantern-42\n", "kumquat-lantern-42"),
        # leet: typed, not a description
        ('    const secret = "s3cr3t-token-1"\n', "s3cr3t-token-1"),
    ],
)
def test_a_chosen_password_with_a_number_stays(cfg, text, value):
    assert value in passwords_in(text, cfg) or ("key", value) in secrets_in(text, cfg)


@pytest.mark.parametrize(
    "value, expected",
    [
        ("admin-secret-256", True),
        ("secret-0014", True),
        ("test-admin-key-12345", True),
        ("kumquat-42", False),
        ("secret-key-base", False),
        ("s3cr3t-token-1", False),
    ],
)
def test_stand_in_numbered_words(value, expected):
    assert secret_values.stand_in(value) is expected


# A token a document cuts short (`...`, `…`, `[...]`, often after `***`) is not the secret: negative in 7 dev
# projects (sets 11-23), positive in none but a tool's fixture.
@pytest.mark.parametrize(
    "text",
    [
        "   When the terminal provides the link: <http://127.0.0.1:8888/lab?token=80d45d241a1ba4c2...>,\n",
        "STRIPE_WEBHOOK_SECRET=whsec_...\n",
        '    "access_token":"boQtj0SCGz2GFGz[...]",\n',
        '    "secret" : "7f9cc25de2***...",\n',
        "    $ export GOOGLE_ACCESS_TOKEN=ya29.a0AfH6SMC78...\n",
        "    $ export GOOGLE_ACCESS_TOKEN=ya29.a0AfH6SMC78…\n",
    ],
)
def test_a_token_cut_short_is_a_stand_in(cfg, text):
    assert secrets_in(text, cfg) == []


@pytest.mark.parametrize(
    "text, value",
    [
        # the whole token
        (
            "    $ export GOOGLE_ACCESS_TOKEN=ya29.a0AfH6SMC78qLkVz3xB9pT4wZ8nB3cRt5Yw2\n",
            "ya29.a0AfH6SMC78qLkVz3xB9pT4wZ8nB3cRt5Yw2",
        ),
        ('    "access_token":"boQtj0SCGz2GFGzQk7vLm2xR9pT4",\n', "boQtj0SCGz2GFGzQk7vLm2xR9pT4"),
    ],
)
def test_a_whole_token_stays(cfg, text, value):
    assert value in values_in(text, cfg)
