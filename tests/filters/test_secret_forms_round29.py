"""Round 29 (dev sets 2-26; a recall rule kept only when it fixes misses of 3 projects in 2 sets, a precision rule
when the labels' majority across projects says so).

A password a prose sentence gives ends where CJK text or full-width punctuation resumes: `密码：123456，端口：3306`
is the password `123456` (a stand-in) followed by the port, not one value running to the line's end. Dev labels
no password or key with such a character, and the run-on spans were altered negatives in youlai-boot (set 24),
cachecloud and tis (set 26).

A Kubernetes Secret's name under a camelCase key that names the Secret by what it holds (`existingSecret`,
`tlsSecret`, `serverCASecret`, `credentialsSecret`, `…CertificateSecret`) is an object's name, not the secret: dev
labels it negative in 6 projects over sets 11-26 (n8n-hosting, elastic-helm-charts, argo-cd, cloudnative-pg and two
Percona operators), positive in none.

A comment that lists a connection's settings as `label: value` pairs gives the password at the line's end when the
user's pair comes right before it: `# SID: XE user: system password: oracle` (the Oracle XE image's login, in
RuoYi-Vue-Plus, set 26, and snail-job, set 25), `* … url:jdbc:oracle:thin:@localhost:49161:xe name:system
password:oracle` (seata, set 23). The value is judged as a label line's (`_prose_word`).

A lower-case name followed by its `=` (Vue's `:placeholder="…"` after a `showPassword` attribute, pgbouncer's
`auth_user=` after an empty `password=`) is the next attribute or parameter, not a value: negative in 5 dev projects
(sets 14-26), never a labelled secret.

All secret values here are fakes made for this file.
"""

from __future__ import annotations

import pytest

from repoloom.filters import secret_values
from tests.filters.secret_samples import passwords_in, values_in


@pytest.mark.parametrize(
    "text",
    [
        # a prompt in an AI-assistant doc that lists a database's settings, full-width commas between them
        '   > "我提供关于mysql的相关配置 数据库名：shop，用户名：root，密码：123456，端口：3306，时区：上海"\n',
        "从MySQL 同步到 Paimon 数据库，MySql 数据源，用户名为baisui，密码为123456，主机地址为192.168.28.200，端口为3306\n",
        # a Javadoc list of password modes: the word, then Chinese text with a parameter in it
        "     * 4:redis未设置密码，设置password参数:appId+MD5\n",
        # a compose command's comment: the stand-in, then a full-width comma and the next clause
        "    command: redis-server --requirepass 123456 --appendonly no # 启动 Redis 服务并添加密码为：123456，默认不开启\n",
    ],
)
def test_a_value_stops_at_cjk_text(cfg, text):
    assert [v for v in values_in(text, cfg) if not v.isascii()] == []
    assert passwords_in(text, cfg) == []


@pytest.mark.parametrize(
    "text, value",
    [
        # a chosen value before the full-width comma is still found, without the comma
        ("密码为 Qk7vLm2x9，端口为 3306\n", "Qk7vLm2x9"),
        ("登录后台：用户名：admin，密码：Tr0ub4dor&3，首次登录请修改\n", "Tr0ub4dor&3"),
    ],
)
def test_a_password_before_cjk_text_is_found_alone(cfg, text, value):
    assert value in passwords_in(text, cfg)


@pytest.mark.parametrize(
    "text",
    [
        # Helm values and chart docs: an existing Secret to read the credentials from
        '  existingSecret: "n8n-core-secrets"\n',
        "helm install n8n ./chart --set secretRefs.existingSecret=n8n-core-secrets \\\n",
        "elasticsearchCertificateSecret: elastic-certificate-pem\n",
        # an operator's CRDs: the TLS and CA Secrets, a backup's storage credentials
        "  ingress:\n    tlsSecret: keycloak-tls\n",
        "  certificates:\n    serverCASecret: my-postgres-server-cert\n",
        "#      credentialsSecret: my-cluster-name-backup-s3\n",
        'const barmanCloudCredentialSecret = "backup-storage-creds"\n',
    ],
)
def test_a_kubernetes_secret_name_is_left(cfg, text):
    assert values_in(text, cfg) == []


@pytest.mark.parametrize(
    "text, value",
    [
        # the secret itself under such a key: generated, not a name of words
        ("    tlsSecret: x7f9a8b2-k3l4q9z8\n", "x7f9a8b2-k3l4q9z8"),
        # an OAuth client's secret, a phrase: the key names the value, not a Secret object
        (" *         clientSecret: 'shhh-its-a-secret'\n", "shhh-its-a-secret"),
        (
            '    credentialSecret: "e3a36f47f005bf2aaa51ce3fc6fcaafd79da8d03f2b1a9281f8fb0a285e6255a"\n',
            "e3a36f47f005bf2aaa51ce3fc6fcaafd79da8d03f2b1a9281f8fb0a285e6255a",
        ),
    ],
)
def test_a_secret_under_a_holder_key_is_still_found(cfg, text, value):
    assert value in values_in(text, cfg)


@pytest.mark.parametrize(
    "text, value",
    [
        # a datasource config's comment: the database image's login, after its SID
        ("spring:\n  datasource:\n    # SID: XE user: system password: kumquat7\n", "kumquat7"),
        # after a Chinese heading word
        ("            ## 登录信息 SID: XE user: system password: lantern8\n", "lantern8"),
        # a Javadoc list of test databases: pairs without spaces, the URL's colons inside its value
        (
            "    /**\n     * oracle: test1: url:jdbc:oracle:thin:@localhost:49161:xe name:system password:wombat42\n",
            "wombat42",
        ),
        # host, port and user before the password
        ("# host: db.local port: 5432 user: app password: quokkabeat\n", "quokkabeat"),
    ],
)
def test_a_password_at_the_end_of_a_settings_comment(cfg, text, value):
    assert value in passwords_in(text, cfg)


@pytest.mark.parametrize(
    "text",
    [
        # no user's pair right before the password's
        "# host: db.local port: 5432 password: kumquat7\n",
        # a placeholder or a stand-in as the value
        "  # SID: XE user: system password: <your password>\n",
        "# host: db.local, port: 5432, user: app, password: changeme\n",
        # not a comment: code that sets fields
        "conn = connect(host: db, user: app, password: get_password())\n",
        # the value does not end the line
        "  # SID: XE user: system password: oracle (change it after the first login)\n",
    ],
)
def test_settings_comments_without_a_password_are_left(cfg, text):
    assert passwords_in(text, cfg) == []


@pytest.mark.parametrize(
    "text",
    [
        # Vue templates: a password input's boolean attribute, then a bound attribute
        '<FInput v-model="form.password" clearable type="password" showPassword :placeholder="$t(\'common.enter\')" />\n',
        '<InputPassword id="oldPassword" v-model="oldPassword" :invalid="!oldPassword && hasChanged" />\n',
        '<a-input-password v-model:value="temp.jpomPassword" :placeholder="$t(\'i18n_e5a63852fd\')" />\n',
        # an ini comment listing a connection string's empty parameters
        ";;   dbname= host= port= user= password= auth_user=\n",
    ],
)
def test_an_attribute_name_after_a_password_word_is_left(cfg, text):
    assert values_in(text, cfg) == []


@pytest.mark.parametrize("value", ["placeholder=", "auth_user=", "invalid=", "data-value="])
def test_a_lower_case_name_and_its_equals_sign_is_a_stand_in(value):
    assert secret_values.stand_in(value)


@pytest.mark.parametrize("value", ["YWJjZGVmZ2g=", "c2VjcmV0MTIzNA==", "Qk7vLm2x9="])
def test_base64_padding_is_not_an_attribute_name(value):
    assert not secret_values._ATTRIBUTE_NAME.fullmatch(value)
