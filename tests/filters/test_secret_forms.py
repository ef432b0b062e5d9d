"""Secrets in the forms an independent check found missing: unquoted key-named assignments (also in
comments and prose), typed declarations, passwords introduced by words, config formats, vendor-prefixed
tokens and command-line credentials; and the look-alikes each rule must leave alone.

All secret values here are random fakes made for this file.
"""

from __future__ import annotations

import pytest

from tests.filters.secret_samples import secrets_in
from repoloom.filters import assignments, pii

AWS_SECRET = "VE2VapfrIfatT5LZ4cxmW929vegPBpr58VdupGFr"  # 40 characters of AWS's secret-key alphabet
TOKEN = "XGhGbmutEqh7d5M0owgENZCDkN9RXoZ4"
LOWER_TOKEN = "ri9idi664pfgz0zzrb5van9ainmn70qd"
PASSWORD = "Xy7#kq29Lm"


@pytest.mark.parametrize(
    "text",
    [
        # unquoted, in .env / shell / a comment / prose
        f"AWS_SECRET_ACCESS_KEY={AWS_SECRET}\n",
        f"export AWS_SECRET_ACCESS_KEY={AWS_SECRET}\n",
        f"# AWS_SECRET_ACCESS_KEY={AWS_SECRET}\n",
        f"// then run: export AWS_SECRET_ACCESS_KEY={AWS_SECRET} && make deploy\n",
        f"Set AWS_SECRET_ACCESS_KEY to {AWS_SECRET} before running the tests.\n",
        f"    aws_secret_access_key = {AWS_SECRET}\n",  # ~/.aws/credentials (INI)
        f"ENV API_TOKEN={TOKEN}\n",  # Dockerfile
        f"ENV API_TOKEN {TOKEN}\n",  # Dockerfile, legacy form
        f"app.secret.key={TOKEN}\n",  # .properties
        f"api_token: {TOKEN}\n",  # YAML
        f'api_token = "{TOKEN}"\n',  # TOML
        f'{{"client_secret": "{TOKEN}"}}\n',  # JSON
        f"<authToken>\n    {TOKEN}\n</authToken>\n",  # XML, value on its own line
        f'{{"config.ini": "SERVICE_TOKEN={LOWER_TOKEN}\\nBACKUP_ENABLED=true"}}\n',  # escaped newline in a string
        f'SERVICE_TOKEN ?= "{TOKEN}"\n',  # Makefile
        f'SERVICE_TOKEN ::= "{TOKEN}"\n',
        f'$serviceToken .= "{TOKEN}";\n',  # PHP
        f'System.setProperty("SERVICE_TOKEN", "{TOKEN}");\n',
        f'#define API_SECRET "{TOKEN}"\n',
        f"deploy --token {TOKEN} --region eu-west-1\n",  # a command-line flag
        f"// setenv GITLAB_TOKEN {LOWER_TOKEN}\n",  # csh, quoted in a comment
        '// SERVICE_TOKEN ?= "qFfb8YjuePxddOyu3niB6o3svaonqz8t"\n',  # word-shaped letters by chance
        f"mvn sonar:sonar -Dsonar.login=squ_{LOWER_TOKEN}\n",
        # typed and annotated declarations
        f'const AWS_SECRET: &str = "{AWS_SECRET}";\n',  # Rust
        f'static API_TOKEN: &\'static str = "{TOKEN}";\n',
        f'val apiToken: String = "{TOKEN}"\n',  # Kotlin / Scala
        f'let api_token: String = "{TOKEN}".to_string();\n',
        f'final String API_SECRET = "{TOKEN}";\n',  # Java
        f'var apiToken string = "{TOKEN}"\n',  # Go
        f'const string ApiKey = "{TOKEN}";\n',  # C#
        f'const apiToken: string = "{TOKEN}";\n',  # TypeScript
        f'private readonly clientSecret: string = "{TOKEN}";\n',
    ],
)
def test_key_named_values_in_every_form(cfg, text):
    found = secrets_in(text, cfg)
    assert found and all(k == "key" for k, _ in found), found
    assert TOKEN not in pii.apply_redactions(text, pii.find_pii(text, cfg))
    assert AWS_SECRET not in pii.apply_redactions(text, pii.find_pii(text, cfg))
    assert LOWER_TOKEN not in pii.apply_redactions(text, pii.find_pii(text, cfg))
    assert "qFfb8YjuePxddOyu3niB6o3svaonqz8t" not in pii.apply_redactions(text, pii.find_pii(text, cfg))


@pytest.mark.parametrize(
    "text,value",
    [
        (f'const DB_PASSWORD: &str = "{PASSWORD}";', PASSWORD),
        (f'val password: String = "{PASSWORD}"', PASSWORD),
        (f"MYSQLPASS: {PASSWORD}", PASSWORD),  # a stem ending a joined-up name
        (f"X3_PSWD={PASSWORD}", PASSWORD),  # abbreviations
        (f"define( 'PASSWORD' , '{PASSWORD}' );", PASSWORD),
        (f'#define SMTP_PASS "{PASSWORD}"', PASSWORD),
        (f'# #define dbPwd "{PASSWORD}"', PASSWORD),
        (f"ENV DB_PASSWORD {PASSWORD}", PASSWORD),
        (f'curl_easy_setopt(curl, CURLOPT_USERPWD, "root:{PASSWORD}");', f"root:{PASSWORD}"),
    ],
)
def test_password_declarations(cfg, text, value):
    assert secrets_in(text, cfg) == [("password", value)]


@pytest.mark.parametrize(
    "text,value",
    [
        (f"# the password is {PASSWORD}", PASSWORD),
        (f"Password {PASSWORD}", PASSWORD),
        (f"mysql -u root --password {PASSWORD}", PASSWORD),
        (f"gpg --decrypt --passphrase {PASSWORD} --output out.txt", PASSWORD),
        (f"login/password-master/{PASSWORD}", PASSWORD),
        (f"PASSWORD({PASSWORD})", PASSWORD),
        (f"비밀번호 {PASSWORD}", PASSWORD),
        ("* pass: dipPr131Gg!", "dipPr131Gg!"),
        (f"curl -u elastic:{PASSWORD} https://localhost:9200", PASSWORD),  # the user name stays
        (f"Connect-Db -Domain 'localhost' -Password '{PASSWORD}!'", PASSWORD + "!"),
        (f"# login: admin / {PASSWORD}", PASSWORD),
        ("# the password is TXZ7=e5=Bl*C?^u", "TXZ7=e5=Bl*C?^u"),  # '=' inside a password
        (f"curl --user 'deploy:{PASSWORD}' https://ci.acme-corp.io/hook", PASSWORD),
    ],
)
def test_passwords_introduced_by_words(cfg, text, value):
    assert secrets_in(text, cfg) == [("password", value)]


def test_id_password_pairs_lose_the_password(cfg):
    for text in (
        f"ID/PW: master/{PASSWORD}",
        f"id/pw master/{PASSWORD}",
        f"User/Password master/{PASSWORD}",
        f"credentials: svc_ci/{PASSWORD}",
    ):
        found = pii.find_pii(text, cfg)
        assert len(found) == 1 and found[0].kind in ("password", "key"), text
        assert PASSWORD not in pii.apply_redactions(text, found)


@pytest.mark.parametrize(
    "text",
    [
        "# Tolerances adjusted to pass np.float32",
        "Passwords are hashed with bcrypt2 before they are stored.",
        "The password must be at least 8chars long.",
        "passwords are compared as sha256 digests",
        "# TODO: pass 2 args to the callback",
        "Password reset links expire after 24h.",
        "``http://user:pass@proxy.example.com:8080`` is sent as a header",
        "If the password is wrong the login fails.",
        "pass the token to get_token() and return",
        "'ASAccountAuthenticationPasswordRequest', 'ASAuthorizationPasswordRequest', 'PKPaymentPass',",
        "user[:passwd]@host[:port] --> 'user[:passwd]', 'host[:port]'",
        "if passwd == expected_passwd:",
        "login: admin",
        "Log in with your username/password and press Enter.",
        "# pass mode=fast2 to the planner",
    ],
)
def test_prose_without_a_credential_is_left_alone(cfg, text):
    assert secrets_in(text, cfg) == []


@pytest.mark.parametrize(
    "text",
    [
        "key = make_key(request, 3)",
        "const xxh_u8* kSecretPtr = XXH3_kSecret;",
        "#define XXH3_initCustomSecret XXH3_initCustomSecret_avx512",
        "    key: ed25519.Ed25519PublicKey",
        "MLKEM768X25519PrivateKey = rust_openssl.hpke.MLKEM768X25519PrivateKey",
        "if key_node.tag == 'tag:yaml.org,2002:value':",
        'token_pattern = r"(?u)\\b\\w\\w+\\b"',
        'secret_name = "db-credentials-v2"',
        f'public_key = "{TOKEN}"',
        f'key_id = "{TOKEN}"',
        'cache_key = f"{prefix}:{user_id}"',
        "AUTH_TOKEN_HEADER = 'X-Auth-Token-V2'",
        "api_key = settings.API_KEY",
        "SECRET_KEY = os.environ['SECRET_KEY']",
        "token_ttl = 3600000000",
        "api_version = v2.1.0-beta.3",
        "data_key_lo = _mm512_srli_epi64 (data_key, 32);",
        "export GITHUB_TOKEN=${{ secrets.GITHUB_TOKEN }}",
        "AWS_SECRET_ACCESS_KEY=<your-secret-key>",
        "api_token: xxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        'secret_hash = "9ac0c565276b738ac670aa990e9307e52072d222"',
    ],
)
def test_key_named_lookalikes_kept(cfg, text):
    assert secrets_in(text, cfg) == []


@pytest.mark.parametrize(
    "token",
    [
        f"cfat_{TOKEN}",
        f"tgp_v1_{TOKEN}",
        f"xapp-1-{LOWER_TOKEN}",
        f"HRKU-{TOKEN}",
        f"sntryu_{'9ac0c565276b738ac670aa990e9307e52072d2220a1b'}",
    ],
)
def test_vendor_prefixed_tokens(cfg, token):
    text = f"    {token}  # from the dashboard\n"
    assert secrets_in(text, cfg) == [("key", token)]


@pytest.mark.parametrize(
    "text",
    [
        "DXGI_FORMAT_R8G8B8A8_UNORM_SRGB = DXGI_FORMAT.R8G8B8A8_UNORM_SRGB",
        "dtypes._float8_e4m3b11fnuz_dtype: ser_flatbuf.DType.f8_e4m3b11fnuz,",
        "'jit__psum-14ac577cdb2ef6d986078b4054cc9893a9a14a16dbb0d8f37b89167c1f1aacdf'",
        '"integrity": "sha512-9ac0c565276b738ac670aa990e9307e52072d2220a1b9ac0c565276b738ac670aa99"',
        "F8E4M3B11FNUZ = XLA_FFI_DataType_F8E4M3B11FNUZ,",
        '@register_attribute_builder("gpu.GPU_Prune2To4SpMatFlagAttr")',
        "test_parse_long_option_with_value_and_default_2",
    ],
)
def test_prefixed_lookalikes_kept(cfg, text):
    assert secrets_in(text, cfg) == []


def test_assignment_parser_reports_operator_type_and_offsets():
    text = f'const AWS_SECRET: &str = "{AWS_SECRET}";'
    a = assignments.after_name(text, text.index(":"), name_start=6)
    assert (a.op, a.value, a.quoted, a.typed) == ("=", AWS_SECRET, True, True)
    assert text[a.start : a.start + len(a.value)] == AWS_SECRET
    text = f"export AWS_SECRET_ACCESS_KEY={AWS_SECRET}."
    a = assignments.after_name(text, text.index("="), name_start=7)
    assert (a.op, a.quoted) == ("=", False)
    assert assignments.sentence_trimmed(text, a.value, a.start) == AWS_SECRET
    # a name followed by a comma pairs with the next argument only inside a call
    assert assignments.after_name("'a_token', 'b'", 8, name_start=1) is None
    assert assignments.after_name(f'set("A_TOKEN", "{TOKEN}")', 12, name_start=5).value == TOKEN
    # whitespace alone assigns only where the caller allows it
    assert assignments.after_name(f"token {TOKEN}", 5) is None
    assert assignments.after_name(f"token {TOKEN}", 5, allow_space=True).value == TOKEN


# ---- issue 13, second round: forms from the tuning half of the references, and their look-alikes -------


def _jwt(payload: dict, signature: str = "kvRPfjAhLhtRTczoRgctVGp7KY1QVH3UBZM-gM0x8ec") -> str:
    import base64
    import json

    def enc(obj):
        return base64.urlsafe_b64encode(json.dumps(obj, separators=(",", ":")).encode()).decode().rstrip("=")

    return f"{enc({'alg': 'HS256', 'typ': 'JWT'})}.{enc(payload)}.{signature}"


JWT = _jwt({"sub": "4711", "role": "service", "iat": 1716239022})
LONG_TOKEN = "".join("Zq8Xw3Rt5Yp1Lm7Nk2Vb9Hc4Jd6Gf0"[(i * 7 + i // 5) % 30] for i in range(420))


@pytest.mark.parametrize(
    "text,value",
    [
        (f"curl -u elastic:{PASSWORD} https://localhost:9200", PASSWORD),
        (f"curl -s --user  'deploy:{PASSWORD}' https://ci.acme-corp.io/hook", PASSWORD),
        (f'curl -u "{TOKEN}:" https://api.acme-corp.io/v1/charges', TOKEN),  # the key as the user
        (f"curl --user kevin:'{PASSWORD}' -X PATCH", PASSWORD),
    ],
)
def test_command_line_credentials_lose_the_password_or_the_key(cfg, text, value):
    assert secrets_in(text, cfg) == [("password", value)]


@pytest.mark.parametrize(
    "text",
    [
        f"https://cdn.acme-corp.io/live/master.m3u8?access_token={JWT}&quality=hd",
        f"grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion={JWT}",
        f'"Cookie": "auth-token={JWT}; Path=/"',
        f"  - SUPABASE_SERVICE_ROLE_KEY={JWT}",
        f"jwtToken={JWT.rsplit('.', 1)[0]}.",  # an empty signature keeps its dot
    ],
)
def test_jwts_after_an_equals_sign(cfg, text):
    redacted = pii.apply_redactions(text, pii.find_pii(text, cfg))
    assert JWT.split(".")[1] not in redacted and "<KEY>" in redacted


@pytest.mark.parametrize(
    "text",
    [
        f'flutterwavePubKeyToken = "{TOKEN}"',  # a stop word (`pub`) before a strong last word
        f'MessageBird_TOKEN := "{TOKEN}"',
        f"API_TOKEN={LONG_TOKEN}",  # longer than 300 characters
        f'"personal_access_token": "{LONG_TOKEN}"',
        "krakenToken = /q7X=d5tnc8_7rk1-1i5o8x8dx91dsp9h4i+uwx8-nzu0h1u+0r4x-/jc=szu72f7g",  # base64 starting with `/`
    ],
)
def test_more_key_named_values(cfg, text):
    redacted = pii.apply_redactions(text, pii.find_pii(text, cfg))
    assert TOKEN not in redacted and LONG_TOKEN not in redacted and "d5tnc8" not in redacted
    assert "<KEY>" in redacted


@pytest.mark.parametrize(
    "text",
    [
        'notes            = "Maven - io.jsonwebtoken:jjwt-jackson-0.11.2"',  # words and a version
        "TODAYINASIAASACKOFRICEFELLOVER",  # an AWS key id shape inside a longer word
        "sk-ant-api03-abc123xyz-456def789ghij-klmnopqrstuvwx-3456yza789bcde-1234fghijklmnopby56aaaogaopaaaabc123xyzBB",
        "GR134894112312312312312312312",  # a prefix, then a chunk typed over and over
        'body = self.fixtures.load("api_org_96726c78_4ae3_402f_b08b_7a78c6903d2a.xml")',
        "auth_token = /var/run/secrets/kubernetes.io/serviceaccount/token",  # a path
        'next_page_token = "CAUQAA"',
        "release_token: my-app-production-2023",
    ],
)
def test_second_round_lookalikes_kept(cfg, text):
    assert secrets_in(text, cfg) == []


@pytest.mark.parametrize(
    "token",
    [
        "ATATT3xFfGF0" + TOKEN * 5 + "=00203E68",  # Atlassian API token
        "dapi" + "9ac0c565276b738ac670aa990e9307e5",  # Databricks
        "AGE-SECRET-KEY-1" + "KZYHJJGJ5DEC3RXGPEUA97WG99HU4Z3Z9ZK69GHAFZWJ08SFVF0QZ3WFSS",  # age
        "IGQV" + TOKEN * 4,  # Instagram
        "LTAI" + "wR7qk2IlUKh25Xb",  # Alibaba access key id
    ],
)
def test_provider_shapes_without_a_separator(cfg, token):
    text = f"    {token}  # from the dashboard\n"
    assert secrets_in(text, cfg) == [("key", token)]


def test_provider_shapes_need_random_bodies(cfg):
    for text in (
        "dapi_version = 2",
        "LTAIL_RECURSION_LIMIT = 10",
        "ATATT3 is the Atlassian prefix",
        "AGE-SECRET-KEY-1QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ",
    ):
        assert secrets_in(text, cfg) == [], text


BARE = "qsR6RZ24lPoQj3oPUlieI2nVsbBi1RMar1jf3YZ4"  # 40 random base62 characters, drawn for this file


@pytest.mark.parametrize(
    "text",
    [
        f"    {BARE}  # staging\n",  # a token pasted alone, no name, no known prefix
        f'client = Client.connect("{BARE}")\n',  # a call's argument
        f'tokens = ["{BARE}", "{BARE[::-1]}"]\n',  # a list under a secret's name
    ],
)
def test_bare_random_tokens(cfg, text):
    assert ("key", BARE) in secrets_in(text, cfg)


def test_bare_random_token_lookalikes_kept(cfg):
    import base64
    import hashlib

    blob = base64.b64encode(hashlib.sha512(b"fixture").digest() * 5).decode()
    block = "\n".join(blob[i : i + 64] for i in range(0, len(blob), 64))
    for text in (
        f'checksum = "{hashlib.sha256(b"x").hexdigest()}"\n',  # a hash: hex only
        f'DATA = """\n{block}\n"""\n',  # a base64 block
        "    ThisIsNotASecretButLooksLong1234Value\n",  # words
        f'"integrity": "sha384-{BARE}"\n',  # a hash word on the line
        "    550e8400-e29b-41d4-a716-446655440000\n",  # a UUID
        "    a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8\n",  # typed by hand
        f'font_data = "{BARE}"\n',  # a name that is not a secret's
    ):
        assert secrets_in(text, cfg) == [], text
