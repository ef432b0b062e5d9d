"""Round 17: keys and passwords in quoted code and config files that the rules did not read, each with the
look-alikes it must leave alone: lists of keys under a key's name, a JSON Web Key's private members, HTTP basic
credentials in a string or encoded in place, crypto and JWT-library calls that take a key, literals turned into bytes
on their way to a secret's name, asserted secrets in tests, Android/Java XML named elements, Terraform variable
defaults, OmniAuth/oauth2 client pairs, YAML `!!str`, a leading `.`, keyboard-mash letters, commented-out SQL
properties, network devices' config lines and a form body's first field.

All secret values here are fakes made for this file.
"""

from __future__ import annotations

import base64

import pytest

from tests.filters.secret_samples import values_in as _values


def _b64(s: str) -> str:
    return base64.b64encode(s.encode()).decode()


@pytest.mark.parametrize(
    "text,values",
    [
        ('    SECRET_KEYS = ["2b9cd98e", "169d7886", "b6af09f5"]', ["2b9cd98e", "169d7886", "b6af09f5"]),
        (
            "api_keys = ['k7Rt2xLm9KpW4vZn8cQ1', 'Zp3mW8nX2vB6qL9tR4yE']",
            ["k7Rt2xLm9KpW4vZn8cQ1", "Zp3mW8nX2vB6qL9tR4yE"],
        ),
        (
            'API_TOKENS = frozenset({"a8f5f167f44f4964e6c998dee827110c", "3b5d5c3712955042212316173ccf37be"})',
            ["a8f5f167f44f4964e6c998dee827110c", "3b5d5c3712955042212316173ccf37be"],
        ),
        ('val apiKeys = listOf("k7Rt2xLm9KpW4vZn8cQ1", "Zp3mW8nX2vB6qL9tR4yE")', ["Zp3mW8nX2vB6qL9tR4yE"]),
        ('\tkeys := []string{"k7Rt2xLm9KpW4vZn8cQ1", "Zp3mW8nX2vB6qL9tR4yE"}', ["Zp3mW8nX2vB6qL9tR4yE"]),
        ('SECRET_KEYS = [\n    "k7Rt2xLm9KpW4vZn8cQ1",\n    "Zp3mW8nX2vB6qL9tR4yE",\n]\n', ["Zp3mW8nX2vB6qL9tR4yE"]),
    ],
)
def test_every_listed_key_is_redacted(text, values, cfg):
    found = _values(text, cfg)
    assert all(v in found for v in values), found


@pytest.mark.parametrize(
    "text",
    [
        'SECRET_KEYS = ["OPENAI_API_KEY", "ANTHROPIC_API_KEY"]',  # names of variables
        'secret_keys = ["password", "token", "api_key"]',
        'SECRET_KEYS = ["12345678", "23456789"]',  # digits only
        "token_variants = ['+i6t-not-inline', '+i6t-inline', '+i6t-use-option']",  # option names
        "Twitter(auth=OAuth('screen_name', 'Zp3mWnXvBqLtRyE'))",  # a call's arguments by position, not a list
        '\t\t\tGroupKey:  []byte("d8e8fca2dc0f8abce7cb4cb0031ba249"),',  # a weak name's bytes: an id
        'api_keys = {"openai": OPENAI_KEY}',
    ],
)
def test_listed_lookalikes_are_left(text, cfg):
    assert _values(text, cfg) == []


@pytest.mark.parametrize(
    "text,value",
    [
        (
            '\tjson.RawMessage(`{"keys":[{"use":"sig","kty":"oct","kid":"k1",'
            '"k":"NJACtF9Hbivq3Q67LDtS_mbD33PHTTSlq7By7Wbm9tg","alg":"HS256"}]}`),',
            "NJACtF9Hbivq3Q67LDtS_mbD33PHTTSlq7By7Wbm9tg",
        ),
        ('  "d": "9GJquUJf57a9sev-u8-PoYlIezIPqI_vGpIaiu4zyZk"', "9GJquUJf57a9sev-u8-PoYlIezIPqI_vGpIaiu4zyZk"),
        (
            '{"kty": "RSA", "e": "AQAB", "qi": "GyM_p6JrXySiz1toFgKbWV4JdI3jQ4ypu9rbMWx3rQJBfmt0FoYzgUIZEVFEcOq"}',
            "GyM_p6JrXySiz1toFgKbWV4JdI3jQ4ypu9rbMWx3rQJBfmt0FoYzgUIZEVFEcOq",
        ),
    ],
)
def test_jwk_private_members_are_redacted(text, value, cfg):
    assert value in _values(text, cfg)


@pytest.mark.parametrize(
    "text",
    [
        '  "d": "M10 10 L 20 20"',  # an SVG path
        '{"k": "value", "d": "description"}',
        '  "d": "ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12"',  # hex: a hash or an id
        '  "q": "SELECT_name_FROM_users_WHERE_id_equals_1234"',
        '{"kty": "RSA", "n": "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWh", "e": "AQAB"}',  # public members
    ],
)
def test_jwk_lookalikes_are_left(text, cfg):
    assert _values(text, cfg) == []


@pytest.mark.parametrize(
    "text,value",
    [
        ('            "Basic QWxhZGRpbjpvcGVuc2VzYW1l"', "QWxhZGRpbjpvcGVuc2VzYW1l"),
        (f'    auth_header = "Basic {_b64("deploy:s3cr3tpw")}"', _b64("deploy:s3cr3tpw")),
        ("        auth_ = base64.b64encode(b'sakuya:izayoi').decode('ascii')", "izayoi"),
        ('const auth = btoa("admin:hunter22");', "hunter22"),
        ('String enc = Base64.getEncoder().encodeToString("admin:s3cr3tpw".getBytes());', "s3cr3tpw"),
        ('\tauth := base64.StdEncoding.EncodeToString([]byte("bob:Wq9vLp2x"))', "Wq9vLp2x"),
        ("Buffer.from('bob:Wq9vLp2x').toString('base64')", "Wq9vLp2x"),
    ],
)
def test_basic_credentials_are_redacted(text, value, cfg):
    assert value in _values(text, cfg)


@pytest.mark.parametrize(
    "text",
    [
        f'            "Basic {_b64("Aladdin:open sesame")}"',  # a phrase with a space: the RFC's example
        f'            "Basic {_b64("username:password")}"',  # stand-in words
        '            "Basic Og=="',  # an empty user and password
        '  "Basic realm"',
        "Buffer.from('bob:Wq9vLp2x')",  # bytes, not the header's encoding
        'btoa("user:password")',
        "btoa(`${user}:${pass}`)",
        "base64.b64encode(b'%s:%s' % (u, p))",
    ],
)
def test_basic_credential_lookalikes_are_left(text, cfg):
    assert _values(text, cfg) == []


@pytest.mark.parametrize(
    "text,value",
    [
        ("hmac.new(b'k7Rt2xLm9KpW4vZn8cQ1', msg, hashlib.sha256)", "k7Rt2xLm9KpW4vZn8cQ1"),
        ("crypto.createHmac('sha256', 'k7Rt2xLm9KpW4vZn8cQ1')", "k7Rt2xLm9KpW4vZn8cQ1"),
        ("Fernet(b'k7Rt2xLm9KpW4vZn8cQ1k7Rt2xLm9KpW4vZn8cQ1abc=')", "k7Rt2xLm9KpW4vZn8cQ1k7Rt2xLm9KpW4vZn8cQ1abc="),
        ("AES.new(b'k7Rt2xLm9KpW4vZn', AES.MODE_CBC, iv)", "k7Rt2xLm9KpW4vZn"),
        ('new SecretKeySpec("k7Rt2xLm9KpW4vZn8cQ1".getBytes(), "HmacSHA256")', "k7Rt2xLm9KpW4vZn8cQ1"),
        ('mac := hmac.New(sha256.New, []byte("k7Rt2xLm9KpW4vZn8cQ1"))', "k7Rt2xLm9KpW4vZn8cQ1"),
        ("OpenSSL::HMAC.hexdigest('SHA256', 'k7Rt2xLm9KpW4vZn8cQ1', data)", "k7Rt2xLm9KpW4vZn8cQ1"),
        ("hash_hmac('sha256', $data, 'k7Rt2xLm9KpW4vZn8cQ1')", "k7Rt2xLm9KpW4vZn8cQ1"),
        ("app.use(cookieParser('k7Rt2xLm9KpW4vZn8cQ1'))", "k7Rt2xLm9KpW4vZn8cQ1"),
        ('CryptoJS.HmacSHA256(message, "k7Rt2xLm9KpW4vZn8cQ1")', "k7Rt2xLm9KpW4vZn8cQ1"),
        ('Algorithm algorithm = Algorithm.HMAC256("k7Rt2xLm9KpW4vZn8cQ1");', "k7Rt2xLm9KpW4vZn8cQ1"),
        (
            'Keys.hmacShaKeyFor("k7Rt2xLm9KpW4vZn8cQ1k7Rt2xLm9KpW4vZn8cQ1".getBytes())',
            "k7Rt2xLm9KpW4vZn8cQ1k7Rt2xLm9KpW4vZn8cQ1",
        ),
        ("token = JWT.encode payload, 'k7Rt2xLm9KpW4vZn8cQ1', 'HS256'", "k7Rt2xLm9KpW4vZn8cQ1"),
        ("$jwt = JWT::encode($payload, 'my$ecretK3y', 'HS256');", "my$ecretK3y"),
        ("$decoded = JWT::decode($jwt, new Key('k7Rt2xLm9KpW4vZn8cQ1', 'HS256'));", "k7Rt2xLm9KpW4vZn8cQ1"),
        ('token.SignedString([]byte("Zp3mW8nX2vB6qL9tR4yE"))', "Zp3mW8nX2vB6qL9tR4yE"),
        ('.signWith(SignatureAlgorithm.HS256, "Zp3mW8nX2vB6qL9tR4yE")', "Zp3mW8nX2vB6qL9tR4yE"),
        ('using: SymmetricKey(data: "Zp3mW8nX2vB6qL9tR4yE".data(using: .utf8)!))', "Zp3mW8nX2vB6qL9tR4yE"),
    ],
)
def test_crypto_key_arguments_are_redacted(text, value, cfg):
    assert value in _values(text, cfg)


@pytest.mark.parametrize(
    "text",
    [
        "hmac.new(key, msg, hashlib.sha256)",
        "hmac.new(b'secret', msg, hashlib.sha256)",  # a stand-in
        "crypto.createHmac('sha256', secret).update('some data to hash')",
        'CryptoJS.HmacSHA256("message", "Message")',
        "$decoded = JWT::decode($jwt, new Key($publicKey, 'RS256'));",
        "JWT.encode(payload, nil, 'none')",
        "new TextEncoder().encode('Hellothere')",  # bytes of any text
    ],
)
def test_crypto_call_lookalikes_are_left(text, cfg):
    assert _values(text, cfg) == []


@pytest.mark.parametrize(
    "text,value",
    [
        ('\thmacSecret := []byte("Zp3mW8nX2vB6qL9tR4yE")', "Zp3mW8nX2vB6qL9tR4yE"),
        ('var secret = []byte("some-cool-secret-that-is-32bytes")', "some-cool-secret-that-is-32bytes"),
        ("const secret = new TextEncoder().encode('Zp3mW8nX2vB6qL9tR4yE')", "Zp3mW8nX2vB6qL9tR4yE"),
        (
            'var signingKey = Encoding.UTF8.GetBytes("Zp3mW8nX2vB6qL9tR4yEk7Rt2xLm9KpW");',
            "Zp3mW8nX2vB6qL9tR4yEk7Rt2xLm9KpW",
        ),
        (
            'Some(ClientSecret::new("Zp3mW8nX2vB6qL9tR4yE".to_string())), auth_url, token_url);',
            "Zp3mW8nX2vB6qL9tR4yE",
        ),
        ('let secret = SecretString::new("Zp3mW8nX2vB6qL9tR4yE".into());', "Zp3mW8nX2vB6qL9tR4yE"),
    ],
)
def test_wrapped_literals_under_secret_names_are_redacted(text, value, cfg):
    assert value in _values(text, cfg)


@pytest.mark.parametrize(
    "text",
    [
        '\tkey := []byte("Zp3mW8nX2vB6qL9tR4yE")',  # a weak name: map keys, ids
        '\ttokenBytes := []byte("Bearer")',
        'secretKey := []byte(os.Getenv("SECRET"))',
        'ClientSecret::new("client_secret".to_string())',  # the field's own name as a stand-in
    ],
)
def test_wrapped_literal_lookalikes_are_left(text, cfg):
    assert _values(text, cfg) == []


@pytest.mark.parametrize(
    "text,value",
    [
        ('    assert_eq!(client.secret(), "Zp3mW8nX2vB6qL9tR4yE");', "Zp3mW8nX2vB6qL9tR4yE"),
        ("    expect(config.clientSecret).toBe('Zp3mW8nX2vB6qL9tR4yE')", "Zp3mW8nX2vB6qL9tR4yE"),
        ('        assertEquals("Zp3mW8nX2vB6qL9tR4yE", config.getClientSecret());', "Zp3mW8nX2vB6qL9tR4yE"),
        ('        assertEquals("hunter22x", config.getPassword());', "hunter22x"),
        ('    XCTAssertEqual(credentials.apiKey, "Zp3mW8nX2vB6qL9tR4yE")', "Zp3mW8nX2vB6qL9tR4yE"),
        ("    assert_equal 'Zp3mW8nX2vB6qL9tR4yE', @client.secret", "Zp3mW8nX2vB6qL9tR4yE"),
        ("    expect(client.secret).to eq('Zp3mW8nX2vB6qL9tR4yE')", "Zp3mW8nX2vB6qL9tR4yE"),
    ],
)
def test_asserted_secrets_are_redacted(text, value, cfg):
    assert value in _values(text, cfg)


@pytest.mark.parametrize(
    "text",
    [
        '        assertEquals("client_secret", params.get(0).getKey());',
        "    expect(response.token_type).toBe('Bearer')",
        "    expect(error.message).toBe('Zp3mW8nX2vB6qL9tR4yE')",  # not a secret's name
        '        assertEquals("Bearer", token.getTokenType());',
        "    expect(service.token).to eq('a1b2c3d4...')",  # an elided example
        "    expect(screen.getByLabelText('Password')).toBeInTheDocument()",
    ],
)
def test_asserted_lookalikes_are_left(text, cfg):
    assert _values(text, cfg) == []


@pytest.mark.parametrize(
    "text,value",
    [
        ('    <string name="api_key">k7Rt2xLm9KpW4vZn8cQ1</string>', "k7Rt2xLm9KpW4vZn8cQ1"),
        ('  <entry key="api.secret">k7Rt2xLm9KpW4vZn8cQ1</entry>', "k7Rt2xLm9KpW4vZn8cQ1"),
        (
            '<string name="google_maps_key" translatable="false">AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q</string>',
            "AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q",
        ),
        ('    <string name="db_password">hunter22x</string>', "hunter22x"),
        (
            'variable "db_password" {\n  description = "The database password"\n  type        = string\n'
            '  sensitive   = true\n  default     = "Wq9vLp2xT"\n}\n',
            "Wq9vLp2xT",
        ),
        ('variable "api_key" { default = "k7Rt2xLm9KpW4vZn8cQ1" }', "k7Rt2xLm9KpW4vZn8cQ1"),
        ('#define API_KEY @"k7Rt2xLm9KpW4vZn8cQ1"', "k7Rt2xLm9KpW4vZn8cQ1"),
        ("  provider :github, 'a1b2c3d4e5f6a7b8c9d0', 'Zp3mW8nX2vB6qL9tR4yE'", "Zp3mW8nX2vB6qL9tR4yE"),
        (
            "client = OAuth2::Client.new('client_id', 'Zp3mW8nX2vB6qL9tR4yE', site: 'https://example.org')",
            "Zp3mW8nX2vB6qL9tR4yE",
        ),
    ],
)
def test_named_config_values_are_redacted(text, value, cfg):
    assert value in _values(text, cfg)


@pytest.mark.parametrize(
    "text",
    [
        '    <string name="password_hint">Password</string>',
        '    <string name="api_key_label">API key</string>',
        '    <string name="secret_key_title">Enter_your_secret_key</string>',
        'variable "client_secret" {\n  type    = string\n  default = ""\n}\n',
        'variable "secret_key" {\n  default = "${var.other}"\n}\n',
        'variable "api_key_name" {\n  default = "my-api-key"\n}\n',
        "  provider :github, ENV['GITHUB_KEY'], ENV['GITHUB_SECRET']",
        "  provider :developer, 'name', 'email'",
        "  provider :twitter, 'consumer_key', 'consumer_secret'",
    ],
)
def test_named_config_lookalikes_are_left(text, cfg):
    assert _values(text, cfg) == []


@pytest.mark.parametrize(
    "text,value",
    [
        ("api_key: !!str 7f3a9c2e1b4d8f6a9e0c", "7f3a9c2e1b4d8f6a9e0c"),
        ("password: !!str hunter22", "hunter22"),
        ('    "client_secret": ".PbKh2pMAsO1",', ".PbKh2pMAsO1"),
        ('\t"private_key": "qerphqeruqoweurqwerqqeuiqwpavqr"', "qerphqeruqoweurqwerqqeuiqwpavqr"),
        ("--    org.quartz.dataSource.quartzDataSource.password = quartz2123", "quartz2123"),
        ("line vty 0 4\n password vagrant\n login\n", "vagrant"),
        ("enable secret 0 n3tw0rkpw", "n3tw0rkpw"),
        ("username admin privilege 15 password 0 n3tw0rkpw", "n3tw0rkpw"),
        ("username admin password 7 0822455D0A16", "0822455D0A16"),
        ('curl -d "password=hunter22&grant_type=password&username=bob" https://x/token', "hunter22"),
    ],
)
def test_config_forms_are_redacted(text, value, cfg):
    assert value in _values(text, cfg)


@pytest.mark.parametrize(
    "text",
    [
        "password: !!str",
        "foo: !!str bar",
        '    "client_secret": ".gitignore",',
        '    secret_key: ".env_secret_2024"',
        '    token: ".node_modules"',
        "  api_key: asdfasdfasdfasdfasdf",  # one block repeated
        "  api_key: qwertyuiopasdfghjkl",  # the keyboard in order
        "--password = quartz2123",  # a flag, not a comment
        "enable secret 5 $1$mERr$hx5rVt7rPNoS4wqbXKX7m0",  # a hash
        " password authentication",  # a wrapped line of prose
        " password settings",
        " password required",
        "password=hunter22&grant_type=password",  # a bare line: the value may hold `&x=` itself
    ],
)
def test_config_lookalikes_are_left(text, cfg):
    assert _values(text, cfg) == []
