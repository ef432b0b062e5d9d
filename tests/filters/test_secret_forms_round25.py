"""Round 25 (rules kept only when they fix dev misses of three projects in two sets, negatives not rising): a
webhook URL is a credential whole (Slack's `hooks.slack.com/services|workflows|triggers/`, with or without a
scheme; Teams' incoming-webhook connector URLs; `/webhooks/v1/<app>/<secret>`), redacted from its scheme or host to
its token-like last segment; each with the look-alikes it must leave alone (docs links, templated and X-filled
examples, example hosts, Teams connectors other than the incoming webhook).

All secret values here are fakes made for this file.
"""

from __future__ import annotations

import pytest

from tests.filters.secret_samples import values_in as _values

# --- a webhook URL whose last path segment is token-like: the whole URL is redacted


@pytest.mark.parametrize(
    "text,value",
    [
        # a notification block in a CI config (Teams incoming webhook, group@tenant GUIDs)
        (
            "  webhooks: https://outlook.office.com/webhook/3c1e7a52-9d0b-4f6e-8a21-5b7c9e2d4f10@7e2a9c41-"
            "0b3d-4e8f-9a16-2c5d8b7e1f03/IncomingWebhook/8a4f2c9e1b7d4e60a3c5f9b2d1e8c7a6/5d2b8e1f-7c3a-"
            "4b9e-8f26-1a4c7e9b3d05",
            "https://outlook.office.com/webhook/3c1e7a52-9d0b-4f6e-8a21-5b7c9e2d4f10@7e2a9c41-"
            "0b3d-4e8f-9a16-2c5d8b7e1f03/IncomingWebhook/8a4f2c9e1b7d4e60a3c5f9b2d1e8c7a6/5d2b8e1f-7c3a-"
            "4b9e-8f26-1a4c7e9b3d05",
        ),
        # a Slack workflow webhook pasted without its scheme
        (
            "hooks.slack.com/workflows/0q7m2k4x9c1v8b3n6z5l0p4r7t2w9y1u3e8i5o",
            "hooks.slack.com/workflows/0q7m2k4x9c1v8b3n6z5l0p4r7t2w9y1u3e8i5o",
        ),
        # a Slack trigger URL in a shell script, http scheme
        (
            'curl -X POST -d @payload.json "http://hooks.slack.com/triggers/k2j4h6g8f0d2s4a6q8w0e2r4t6y8u0i2o4p6"',
            "http://hooks.slack.com/triggers/k2j4h6g8f0d2s4a6q8w0e2r4t6y8u0i2o4p6",
        ),
        # a key-named YAML value: a CRM's webhook path ends in the secret segment
        (
            "    crm-webhook: https://api.crmhub.io/webhooks/v1/73105/whk7Qm2xR9pT4wZ8nB3c",
            "https://api.crmhub.io/webhooks/v1/73105/whk7Qm2xR9pT4wZ8nB3c",
        ),
    ],
)
def test_a_webhook_url_is_redacted_whole(text, value, cfg):
    assert value in _values(text, cfg)


@pytest.mark.parametrize(
    "text",
    [
        # Slack's documented X-filled example
        "SLACK_URL=https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX",
        # a docs link about webhooks
        "See https://docs.github.com/en/webhooks/webhook-events-and-payloads for the payloads.",
        # a templated webhook path
        '    hubspot-webhook: "https://api.hubapi.com/webhooks/v1/{appId}/subscriptions"',
        # an endpoint on an example host (a test's expected URL)
        '    == "https://dev.example.com/stripe/webhook/4d1c8e7a-2b9f-4a63-9e15-7c0b3f8d2a61"',
        # a Teams connector other than the incoming webhook (a scanner's own negative sample)
        "office365ConnectorSend webhookUrl: 'https://outlook.office.com/webhook/1b7e2c94-5a3d-4f08-b6e1-"
        "9c2d7a4f3e58@6f3a8d21-4c7b-49e0-a5d2-1e8b7c3f9a04/JenkinsCI/2e9b4f7c1a8d4c53b6e0a9f1d7c2e8b4/"
        "0c5a9e3d-8b1f-4e72-a6d4-3f7b2c9e1a58'",
        # the bare service root in a config template, and a Teams path cut before its secret segment
        "    slack-webhook: https://hooks.slack.com/services/",
        "    teams: https://outlook.office.com/webhook/{group}@{tenant}/IncomingWebhook/",
        # a webhook route in a web framework: no secret segment
        '@app.route("/webhooks/stripe/payment-succeeded", methods=["POST"])',
    ],
)
def test_webhook_look_alikes_are_left_alone(text, cfg):
    assert not any("hook" in v for v in _values(text, cfg))


def test_a_slack_url_before_a_later_webhook_line_is_still_read(cfg):
    # each line holding either hint is read once, in text order: a later line naming a webhook does not hide an
    # earlier Slack URL (a first version read all "webhook" lines, then skipped every Slack line above the last one)
    text = (
        "# notify: hooks.slack.com/workflows/0q7m2k4x9c1v8b3n6z5l0p4r7t2w9y1u3e8i5o\n"
        "# see the webhook docs for the payload\n"
    )
    assert "hooks.slack.com/workflows/0q7m2k4x9c1v8b3n6z5l0p4r7t2w9y1u3e8i5o" in _values(text, cfg)
