"""Secret forms added in issue 13's fifteenth round, and the look-alikes they must leave alone.

- Names: a stop word that says whose password it is (`service`, `manager`, `provider`) only stops the name when it
  comes after the password word (`PasswordService` is code; `SERVICE_PASSWORD`, `managerPassword` are passwords).
- R's assignment arrow (`api_key <- "…"`, `<<-`) with a quoted literal.
- Markdown bold labels with the colon inside or outside the bold (`**Password:** v`, `**API key**: v`).
- A parenthesis that gives the password alone (`log in as admin (password: gophish)`).
- A word in parentheses (`(blank)`, `(none)`) is a note in a settings table, not a password.

All secret values here are fakes made for this file.
"""

from __future__ import annotations

import pytest

from tests.filters.secret_samples import secrets_in


@pytest.mark.parametrize(
    "text, value",
    [
        # whose password: a service's, a manager's, a provider's
        ("service_instance_password = manila\n", "manila"),
        ("SERVICE_PASSWORD=bluebird42\n", "bluebird42"),
        ('  managerPassword: "s3cr3tMgr"\n', "s3cr3tMgr"),
        ("ldap.manager.password=kitten42x\n", "kitten42x"),
        ('provider_password = "hunter2x"\n', "hunter2x"),
        # R
        ('api_key <- "a8f3k2m9q1w7e5r4t6y0"\n', "a8f3k2m9q1w7e5r4t6y0"),
        ('db_password <<- "gocubsgo"\n', "gocubsgo"),
        # Markdown bold labels
        ("- **Password:** gocubsgo\n", "gocubsgo"),
        ("**Password:** `gocubsgo`\n", "gocubsgo"),
        ("**API key:** a8f3k2m9q1w7e5r4t6y0\n", "a8f3k2m9q1w7e5r4t6y0"),
        ("**API key**: a8f3k2m9q1w7e5r4t6y0\n", "a8f3k2m9q1w7e5r4t6y0"),
        ("- **Secret key:** `a8f3k2m9q1w7e5r4t6y0`\n", "a8f3k2m9q1w7e5r4t6y0"),
        # a parenthesis
        ("Log in as admin (password: gocubsgo).\n", "gocubsgo"),
        ('Log in as admin (password: "gocubsgo")\n', "gocubsgo"),
    ],
)
def test_round15_secrets(cfg, text, value):
    assert value in [v for _, v in secrets_in(text, cfg)]


@pytest.mark.parametrize(
    "text",
    [
        # code that handles passwords
        "passwordService = new PasswordService()\n",
        "password_manager = keyring\n",
        "private final PasswordProvider passwordProvider = provider;\n",
        # R code and comparisons
        'token <- Sys.getenv("TOKEN")\n',
        "api_key <- my_api_key_var\n",
        "if (key < -1) return\n",
        # Markdown labels that describe rather than give
        "- **Password:** Clear-text password of the user\n",
        "- **Password:** the password to use\n",
        "- **Password:** required\n",
        "**Password:** hidden\n",
        "**API key:** your API key from the dashboard\n",
        "**Token**: the token used to authenticate\n",
        "**api_key**: string\n",
        "- **Password**: `(blank)`- The password used for BASIC auth\n",
        # parentheses that say something about the password
        "Log in (password: required).\n",
        "Log in (password: optional)\n",
        "The function (password: string) returns\n",
        "| Password | `(none)` |\n",
    ],
)
def test_round15_look_alikes(cfg, text):
    assert secrets_in(text, cfg) == []
