"""Fake secrets and PII of every kind the redactor handles, for tests that check none survives.

SAMPLES: (kind, secret, line). `secret` is the exact value that must not appear after redaction;
`line` is a realistic Python line that holds it (a password needs its `password = ` context,
an npm token its `.npmrc` line). All values are random fakes made for this file.
`python_module()` joins the lines, spaced with ordinary code, into one module: inject it
into a test repository (keep the spacing, or a file made mostly of secrets is dropped as
`pii_dense` instead of redacted).
"""

from __future__ import annotations

# kind -> placeholder family ("key" -> <KEY>, "password" -> <PASSWORD>, ...)
FAMILY = {
    "aws_access_key": "key",
    "aws_secret_key": "key",
    "github_token": "key",
    "github_pat": "key",
    "gitlab_token": "key",
    "slack_token": "key",
    "slack_webhook": "key",
    "stripe_key": "key",
    "twilio_key": "key",
    "npm_token": "key",
    "sendgrid_key": "key",
    "azure_storage_key": "key",
    "jwt": "key",
    "discord_token": "key",
    "mailchimp_key": "key",
    "google_api_key": "key",
    "private_key": "key",
    "generic_secret": "key",
    "password_assignment": "password",
    "connection_string_password": "password",
    "url_password": "password",
    "email": "email",
    "ipv4": "ip_address",
    "ipv6": "ip_address",
}

SAMPLES: list[tuple[str, str, str]] = [
    (
        "generic_secret",
        "django-insecure-7x$k2!q9z@m4(w8r^v6e#t1y&u3i*o5p-a0s+d_f=g)h",
        "SECRET_KEY = 'django-insecure-7x$k2!q9z@m4(w8r^v6e#t1y&u3i*o5p-a0s+d_f=g)h'",
    ),
    (
        "generic_secret",
        "q7Z2mK9xW4vB8nT1cR5yH3jD6pE0aUoSlGfXk2",
        'client_secret = "q7Z2mK9xW4vB8nT1cR5yH3jD6pE0aUoSlGfXk2"',
    ),
    ("aws_access_key", "AKIACQTJKSZPRFK5CKNC", 'AWS_ACCESS_KEY_ID = "AKIACQTJKSZPRFK5CKNC"'),
    (
        "aws_secret_key",
        "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",
        'aws_secret_access_key = "+tdg5J8ee8EvXGtJ0r6EKnImrOk+vkjdfLCJQ4GF"',
    ),
    (
        "github_token",
        "ghp_MuhXXF9WXIGEYSslBo43qgguc6STNscLelQd",
        'GITHUB_TOKEN = "ghp_MuhXXF9WXIGEYSslBo43qgguc6STNscLelQd"',
    ),
    (
        "github_pat",
        "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",
        'token = "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"',
    ),
    ("gitlab_token", "glpat-8sIJnDU5NP3cxmBDrftq", "# gitlab token: glpat-8sIJnDU5NP3cxmBDrftq"),
    (
        "slack_token",
        "xoxb-611633031234-86420319346-D9D0VVk6vQ7sTwSkZ57aT9jd",
        'SLACK_BOT_TOKEN = "xoxb-611633031234-86420319346-D9D0VVk6vQ7sTwSkZ57aT9jd"',
    ),
    (
        "slack_webhook",
        "https://hooks.slack.com/services/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",
        'WEBHOOK = "https://hooks.slack.com/services/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"',
    ),
    ("stripe_key", "sk_live_fYE0CyJmL7jfhhR4agky9IdL", 'stripe.api_key = "sk_live_fYE0CyJmL7jfhhR4agky9IdL"'),
    ("twilio_key", "SKf47c8f026782561587c6f37c6cc4b832", 'TWILIO_ACCOUNT_SID = "SKf47c8f026782561587c6f37c6cc4b832"'),
    (
        "npm_token",
        "npm_J1pNBDFEPSUlNbqg8M4KzZKObVeLpy4UHfZQ",
        "# //registry.npmjs.org/:_authToken=npm_J1pNBDFEPSUlNbqg8M4KzZKObVeLpy4UHfZQ",
    ),
    (
        "sendgrid_key",
        "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",
        'SENDGRID_API_KEY = "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"',
    ),
    (
        "azure_storage_key",
        "AccountKey=QvAiFjEIT3cU9OmWxACbsjtQikj7s3qaCHwsmoUXeWUErXw537+KpbZnfsug+nq/I6U9FyehmVql9dTwhPslXi==",
        'CONN = "DefaultEndpointsProtocol=https;AccountName=prodstore;AccountKey=QvAiFjEIT3cU9OmWxACbsjtQikj7s3qaCHwsmoUXeWUErXw537+KpbZnfsug+nq/I6U9FyehmVql9dTwhPslXi==;EndpointSuffix=core.windows.net"',
    ),
    (
        "jwt",
        "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxNzY2MDEyOTEiLCJuYW1lIjoiQm9iIFN0b25lIiwiaWF0IjoxNzQ0NTQzNzE1fQ.U5Q-8qre6TeUNjlWFzxAjJxa36BfsaGe2E_O9XCNBrp",
        'headers = {"Authorization": "Bearer eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxNzY2MDEyOTEiLCJuYW1lIjoiQm9iIFN0b25lIiwiaWF0IjoxNzQ0NTQzNzE1fQ.U5Q-8qre6TeUNjlWFzxAjJxa36BfsaGe2E_O9XCNBrp"}',
    ),
    (
        "discord_token",
        "O6jo9ftG5IEmC9Msfi2KQh5q.EgsCAO.hOh8aGfm5xENKTXCgMg72vKQjGB",
        'DISCORD_TOKEN = "O6jo9ftG5IEmC9Msfi2KQh5q.EgsCAO.hOh8aGfm5xENKTXCgMg72vKQjGB"',
    ),
    ("mailchimp_key", "d224dcf76aafc880748500c6d66b9abd-us2", 'MAILCHIMP_KEY = "d224dcf76aafc880748500c6d66b9abd-us2"'),
    (
        "google_api_key",
        "AIzaERoz54Dohcls_QO9kPLnBf15MGaHW6Omydp",
        'MAPS_KEY = "AIzaERoz54Dohcls_QO9kPLnBf15MGaHW6Omydp"',
    ),
    (
        "private_key",
        "-----BEGIN ENCRYPTED PRIVATE KEY-----\nvSnib0AFqeVfTMmtI3LI8a1z7oEwShbTYGMKMJQNEyKCp27p8SNOS42AHtcpMtew\nerngynNy523Kg+2kg0Wn+wrykk5psvyIFKtxIgIRKE4e5Pv1TICrdPukCWgq14tU\nmT/dnEpfxINuDp0tTIUkmkuRgOuHINkgfW3UgKYVdjWI9OHs91K3/DMEjbkrX3rs\nNVYWEAbHANBRfc+uwExNmMflE16R6+FWOmeTpK3B2D2simZA4M53yT5Agte+vx+6\nm436ujbOhNNbdpFAxfkzEHoyqS0a02x8c8Y65bq5fC0vrj6y+bLy3hLXOLShlKYT\nphAxDRS38CfvDfTxeXAIjMiL0gKxzYpJnG62gmXu/6ANyCipmwH8/d5NPE7NWZMn\na+zYOCN+vU3p+cf0vT0dLTpFwTmO2DIrNTqxD9tLqQWwXhFPAU5PRTAzmYfOBFpg\n2MejJHNHb+utZgFBxPQLeO3J0VLT5fQ17cy0s2f86ypbR9FjiIKcrgf6bAJi4KlE\nOaGX64gkl5dgqlqcS8xsnYHlNbSXIbLjc6jYccO9vA+/HrpsbyHKNUvjryN4S7yM\n/vGYKSiPxFUuXJ273L/Jr5C1SLrPYKcFKHaAwS7pgVHsCI23vDf3tkjsK6X9KLV7\nLNLuu4hKAmkR+WgFgFj5xFc4O1xsx203KPwb547I8vxTHu1qaWe8GGUriVgZYdtA\nK5m1KToNifwx8ohPCDsO6Da5CllgJnLWctjAvFzHGlXm0phj7TeT/H2xI9/X38Ax\n9W8mm7LB8iaWSkHqPlhfDPj8QIFwPdAqnUlJG1x/4qqLtPxdLPGFPopV+DLmiOF/\n4Yh1pTlZsugccyywKLr/unzHOUpc6OFjaCklGlROF/HYS2dn4r3Q+/uk5PT==\n-----END ENCRYPTED PRIVATE KEY-----",
        'PRIVATE_KEY = """-----BEGIN ENCRYPTED PRIVATE KEY-----\nvSnib0AFqeVfTMmtI3LI8a1z7oEwShbTYGMKMJQNEyKCp27p8SNOS42AHtcpMtew\nerngynNy523Kg+2kg0Wn+wrykk5psvyIFKtxIgIRKE4e5Pv1TICrdPukCWgq14tU\nmT/dnEpfxINuDp0tTIUkmkuRgOuHINkgfW3UgKYVdjWI9OHs91K3/DMEjbkrX3rs\nNVYWEAbHANBRfc+uwExNmMflE16R6+FWOmeTpK3B2D2simZA4M53yT5Agte+vx+6\nm436ujbOhNNbdpFAxfkzEHoyqS0a02x8c8Y65bq5fC0vrj6y+bLy3hLXOLShlKYT\nphAxDRS38CfvDfTxeXAIjMiL0gKxzYpJnG62gmXu/6ANyCipmwH8/d5NPE7NWZMn\na+zYOCN+vU3p+cf0vT0dLTpFwTmO2DIrNTqxD9tLqQWwXhFPAU5PRTAzmYfOBFpg\n2MejJHNHb+utZgFBxPQLeO3J0VLT5fQ17cy0s2f86ypbR9FjiIKcrgf6bAJi4KlE\nOaGX64gkl5dgqlqcS8xsnYHlNbSXIbLjc6jYccO9vA+/HrpsbyHKNUvjryN4S7yM\n/vGYKSiPxFUuXJ273L/Jr5C1SLrPYKcFKHaAwS7pgVHsCI23vDf3tkjsK6X9KLV7\nLNLuu4hKAmkR+WgFgFj5xFc4O1xsx203KPwb547I8vxTHu1qaWe8GGUriVgZYdtA\nK5m1KToNifwx8ohPCDsO6Da5CllgJnLWctjAvFzHGlXm0phj7TeT/H2xI9/X38Ax\n9W8mm7LB8iaWSkHqPlhfDPj8QIFwPdAqnUlJG1x/4qqLtPxdLPGFPopV+DLmiOF/\n4Yh1pTlZsugccyywKLr/unzHOUpc6OFjaCklGlROF/HYS2dn4r3Q+/uk5PT==\n-----END ENCRYPTED PRIVATE KEY-----"""',
    ),
    ("password_assignment", "7EDg%K%e8d", 'db_password = "7EDg%K%e8d"'),
    (
        "connection_string_password",
        "Tiger4827.H",
        'CONN_STR = "Server=sql1.corp.net;Database=orders;User Id=svc_app;Password=Tiger4827.H;"',
    ),
    (
        "url_password",
        "hCiyu2lWI!MEkSg61_",
        'DATABASE_URL = "postgres://svc_user:hCiyu2lWI!MEkSg61_@db1.internal-corp.com:5432/app"',
    ),
    ("email", "maria.garcia@startup.dev", "# Maintainer: maria.garcia@startup.dev"),
    ("ipv4", "56.174.98.190", 'UPSTREAM = "http://56.174.98.190:8080/api"'),
    ("ipv6", "2604:a5ea:9747:943d:2ab4:e585::", 'BIND = "[2604:a5ea:9747:943d:2ab4:e585::]:443"'),
]


def python_module() -> str:
    """All sample lines in one Python module, each followed by a few ordinary lines of code."""
    out = ['"""Settings for the orders service."""', "import os", ""]
    for i, (_kind, _secret, line) in enumerate(SAMPLES):
        out.append(line)
        out.append(f"def handler_{i}(request, retries=3):")
        out.append(f"    # retry the request up to `retries` times before giving up on handler {i}")
        out.append("    for attempt in range(retries):")
        out.append("        response = request.send(timeout=30 * (attempt + 1))")
        out.append("        if response.ok:")
        out.append("            return response.json()")
        out.append("    raise RuntimeError(f'request failed after {retries} attempts')")
        out.append("")
    return "\n".join(out) + "\n"


def secrets_in(text: str, cfg) -> list[tuple[str, str]]:
    """(kind, value) of every key and password finding in `text` under the pii section `cfg` (the secret-form
    tests' one question: what would be redacted as a secret)."""
    from repoloom.filters import pii

    return [(f.kind, text[f.start : f.end]) for f in pii.find_pii(text, cfg) if f.kind in ("key", "password")]


def values_in(text: str, cfg) -> list[str]:
    """The values of every secret found in the text, in order."""
    return [v for _, v in secrets_in(text, cfg)]


def passwords_in(text: str, cfg) -> list[str]:
    """The values of the passwords found in the text, in order."""
    return [v for k, v in secrets_in(text, cfg) if k == "password"]
