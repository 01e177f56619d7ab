"""`require` and `limit`: disclosure requirements and per-channel budgets."""

from __future__ import annotations

import pytest

from charterguard import Charter, Checker
from charterguard.text.social import hashtags, links, mentions, x_weighted_length

CHARTER = Checker(
    Charter.from_yaml(
        """
name: kinds
company: {name: Acme Group, aliases: [Acme]}
rules:
  - id: speaking.disclosure
    kind: require
    category: channel
    severity: warn
    clause: "6.1"
    if_mentions_from: [company.names]
    if_mentions: [mon employeur]
    must_contain: ["#salarié", je travaille chez, views are my own]
    message: "Mention of {match}: add {required}"
    examples: {flag: [x], pass: [y]}
  - id: channel.budgets
    kind: limit
    category: channel
    severity: warn
    clause: "7.1"
    max_length: {x: 280, default: 500}
    max_hashtags: {x: 2, default: 4}
    max_mentions: {default: 2}
    max_links: {x: 1}
    message: "{what}: {count} > {limit} on {channel}"
    examples: {flag: [x], pass: [y]}
"""
    )
)


def findings(text: str, channel: str | None = None) -> list[tuple[str, str]]:
    return [(f.rule, f.message) for f in CHARTER.check(text, lang="fr", channel=channel).findings]


def test_talking_about_the_employer_requires_a_disclosure() -> None:
    assert findings("Les produits Acme Group sont les meilleurs") == [
        ("speaking.disclosure", "Mention of Acme Group: add #salarié")
    ]
    assert findings("Chez #Acme on innove") == [("speaking.disclosure", "Mention of Acme: add #salarié")]
    assert findings("Je travaille chez Acme Group : les produits sont les meilleurs") == []
    assert findings("Acme Group ships! Views are my own. #salarié") == []
    assert findings("Une belle journée à Lyon") == []


def test_x_counts_links_as_23_and_emoji_as_2() -> None:
    assert x_weighted_length("a" * 10) == 10
    assert x_weighted_length("https://example.com/a/very/long/path/that/goes/on/and/on") == 23
    assert x_weighted_length("😀") == 2
    assert x_weighted_length("👨‍👩‍👧") == 2  # one emoji sequence
    assert x_weighted_length("日本") == 4


def test_length_budget_follows_the_channel() -> None:
    post = "Bonjour " * 40  # 320 characters
    on_x = [f for f in CHARTER.check(post, lang="fr", channel="x").findings if f.entity == "LENGTH"]
    assert len(on_x) == 1 and on_x[0].message == "length: 320 > 280 on x"
    assert on_x[0].start == 280 and on_x[0].end == len(post)  # the part beyond the budget
    assert not [f for f in CHARTER.check(post, lang="fr", channel="linkedin").findings if f.entity == "LENGTH"]
    emoji_post = "😀" * 141  # 282 weighted on X, 141 code points
    assert [f.entity for f in CHARTER.check(emoji_post, lang="fr", channel="x").findings] == ["LENGTH"]


def test_hashtag_mention_and_link_budgets_flag_the_excess() -> None:
    report = CHARTER.check("Super #a #b #c @x @y @z https://a.fr https://b.fr", lang="fr", channel="x")
    by_entity = {f.entity: f for f in report.findings}
    assert by_entity["HASHTAGS"].text == "#c"
    assert by_entity["MENTIONS"].text == "@z"
    assert by_entity["LINKS"].text == "https://b.fr"
    assert by_entity["HASHTAGS"].message == "hashtags: 3 > 2 on x"


@pytest.mark.parametrize(
    ("text", "tags", "people", "urls"),
    [
        ("#Lancement réussi avec @Marie.Dupont !", ["#Lancement"], ["@Marie.Dupont"], []),
        ("écrivez à presse@acme-group.fr", [], [], []),  # an e-mail is neither a mention nor a link
        ("Voir www.acme-group.fr/jobs.", [], [], ["www.acme-group.fr/jobs"]),
        ("C# et F# ne sont pas des hashtags", [], [], []),
    ],
)
def test_social_entities(text: str, tags: list[str], people: list[str], urls: list[str]) -> None:
    assert [s.text for s in hashtags(text)] == tags
    assert [s.text for s in mentions(text)] == people
    assert [s.text for s in links(text)] == urls


def test_a_channel_named_by_an_alias_gets_that_channels_budget_and_length_counting() -> None:
    from charterguard import channels

    assert channels.canonical("Twitter") == "x" and channels.canonical("Yammer") == "internal"
    assert channels.canonical("Mastodon") == "mastodon"  # free names pass, lower case
    link = "https://example.com/" + "a" * 300  # 320 characters; X counts a link as 23
    two_links = f"Lisez {link} " * 2
    assert findings(two_links, channel="linkedin") == [("channel.budgets", "length: 654 > 500 on linkedin")]
    assert findings(two_links, channel="Twitter") == [("channel.budgets", "links: 2 > 1 on x")]  # x's budget, weighted length 60
