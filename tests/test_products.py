"""Products technology news names without a system noun (generator/analyze/products.py),
on sentences written for these tests: the ways news names them, and the look-alikes
that are channels, indices, counts, shows and makers."""

from __future__ import annotations

import pytest

from generator.analyze import analyze
from generator.analyze.packs import KnowledgeBase
from tests.test_realnews import seed


def systems(kb: KnowledgeBase, text: str) -> list[str]:
    return [s.name for s in analyze(seed(text), kb).systems]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Users swap files with file-sharing programs Kettlewire, eTrawler and LinkHarbour.",
            {"Kettlewire", "eTrawler", "LinkHarbour"},
        ),
        (
            "Anti-spyware programs such as Snoopkill and Ad-Scrub have become popular.",
            {"Snoopkill", "Ad-Scrub"},
        ),
        (
            "It sells smartphones like the Voxa II, Tellco 6600 and the Nimbus E200.",
            {"Voxa II", "Nimbus E200"},
        ),
        ("Rival devices, including Grenfield's Optio Pulse, are due in spring.", {"Optio Pulse"}),
        ("The firm is working on a device code-named Asteroid, the site said.", {"Asteroid"}),
        ("There is already a HDTV service in Europe called Euro1090.", {"Euro1090"}),
        (
            "Older games, such as Gloomfall 3 and Star Lancer 2, still sell on the PC.",
            {"Gloomfall 3", "Star Lancer 2"},
        ),
        ("Sales of the sci-fi shooter Gloomfall 3 topped the games chart.", {"Gloomfall 3"}),
        ("Rohit Gupta edits a group blog called Cats without Borders from Mumbai.", {"Cats without Borders"}),
        ("The Zarbo worm spreads through e-mail and infects Windows computers.", {"Zarbo"}),
        ("Phones running the Quillix operating system sold well.", {"Quillix"}),
    ],
)
def test_products_named_the_ways_technology_news_names_them(
    kb: KnowledgeBase, text: str, expected: set[str]
) -> None:
    assert expected <= set(systems(kb, text))


def test_a_maker_and_its_model_number(kb: KnowledgeBase) -> None:
    found = systems(kb, "The list includes Sharp's 902 3G mobile phone and the Motorola Razr V3 phone.")
    assert "Sharp 902" in found and "Motorola Razr V3" in found
    found = systems(kb, "The spring launch of Sony's PlayStation 2 and Kettle's Yepp YH-999 was a hit.")
    assert "Yepp YH-999" in found  # a name of its own: the maker's possessive is no part of it


@pytest.mark.parametrize(
    "text",
    [
        "The WTO's 148 members met in Geneva on Monday.",
        "Apple's 60GB model has nothing to rival it, the games magazine said.",
        "Band Aid 20 is not going to be released in the US, despite the chart success.",
        "In London, the FTSE 100 index closed 15 points higher at 4,751.",
        "Ingham, Fenton, McIndoe, Ravenhill (Price 90), Tierney, Beardsley: the game was won late.",
        "Viewers prefer programmes such as EastEnders and Top Gear to the news.",
        "He told the BBC World Service programme Go Digital he hoped it would be a success.",
        "Apple will make a version of its music store for Motorola mobile phones.",
        "Icons designate applications like TV, voice mail and video e-mail on the computer.",
        "The 1728 composition, called Wedding Cantata BWV 216, was found among old papers.",
        "Samsung's 102-inch plasma screen was the show's biggest.",
        "Officials took a dim view of other networks, such as Razorline, Risciso and Popz.",
        "Doctors said the Sars virus had spread to three more cities.",
        # scores after a player's or a team's name
        "Martinez, 32, beat Shinobu Asagoe 6-4 6-4 in the first round of the tournament.",
        "The Pittsburgh Penguins 5, Boston Bruins 2 game went to the wire on the new console.",
    ],
)
def test_look_alikes_are_no_products(kb: KnowledgeBase, text: str) -> None:
    found = systems(kb, text)
    assert not any(
        any(c.isdigit() for c in name)
        or name
        in ("EastEnders", "Top Gear", "TV", "Motorola", "World Service", "Go Digital", "Risciso", "Sars")
        for name in found
    ), found


def test_a_list_without_and_is_one_name(kb: KnowledgeBase) -> None:
    text = "Unlike rivals with niche streaming services, such as Vistacast Go, Nordwind made a big bet."
    found = systems(kb, text)
    assert "Vistacast Go" in found and "Nordwind" not in found


def test_a_medicine_named_after_its_kind(kb: KnowledgeBase) -> None:
    text = (
        "Shares in Halvard fell after its cholesterol drug Verolin faced safety concerns, and the "
        "rejection of its anti-coagulant pill Maxtrel. It had hoped to pitch it against rival medicine "
        "Tarnova."
    )
    assert {"Verolin", "Maxtrel", "Tarnova"} <= set(systems(kb, text))


GAMES_ARTICLE = (
    "The games chart was led by a racing title this week. Gamers bought more console games than "
    "ever. The sequel to Speed Fever: Nightshift has taken the top slot, nudging Harbour Heist: "
    "Bay City down to second place. {sentence}"
)


def test_a_title_and_its_subtitle_in_an_article_about_games(kb: KnowledgeBase) -> None:
    found = systems(kb, GAMES_ARTICLE.format(sentence="Sales rose."))
    assert {"Speed Fever: Nightshift", "Harbour Heist: Bay City"} <= set(found)
    sentence = "The Lord of the Rings: The Return of the Queen was the top PC title."
    title = "The Lord of the Rings: The Return of the Queen"
    assert title in systems(kb, GAMES_ARTICLE.format(sentence=sentence))


def test_no_subtitle_in_a_match_reports_line_up(kb: KnowledgeBase) -> None:
    text = (
        "Rovers won the game 2-1. It was their third game in a week. Subs Not Used: Pellegrino, "
        "Carson. Booked: Hyypia. Ref: S Dunn."
    )
    assert not [s for s in systems(kb, text) if ":" in s]


@pytest.mark.parametrize(
    "sentence",
    [
        "That is especially true when we are watching TV: A handful of chips is enough.",
        "Jets 2, Predators 1: Patrik Laine and Nikolaj Ehlers scored in Winnipeg.",
        "New Release: Last Chance to Buy Pokemon Sword or Shield and Get Amazon Credit",
        "Connectivity Technology: Wireless Connect via Class 1 Bluetooth for your workout.",
        'The studio boss Ray Tully said: "We are pleased."',
    ],
)
def test_no_subtitle_after_a_clause_a_score_a_headline_or_a_speaker(kb: KnowledgeBase, sentence: str) -> None:
    found = systems(kb, GAMES_ARTICLE.format(sentence=sentence))
    titles = ("Speed Fever: Nightshift", "Harbour Heist: Bay City")
    assert not [s for s in found if ":" in s and s not in titles]


def test_no_subtitled_product_in_an_article_about_films(kb: KnowledgeBase) -> None:
    text = (
        "The film chart was led by a sequel this week. Cinema audiences rose, and the movie "
        "Harbour Heist: Bay City took the top slot at the box office, the film's makers said."
    )
    assert not [s for s in systems(kb, text) if ":" in s]


def test_a_name_of_letters_and_figures_called_after_its_kind_is_no_date(kb: KnowledgeBase) -> None:
    text = "Broadcasters are testing HDTV. There is already a HDTV service in Europe called Euro1080."
    assert "Euro1080" in systems(kb, text)


def test_a_known_line_run_on_into_a_model_word_is_that_model(kb: KnowledgeBase) -> None:
    found = systems(
        kb,
        "Sales of the Xbox itself were strong. Gamers spent 28 million hours playing on Xbox Live. "
        "A 30GB version has been added to the iPod Photo family.",
    )
    assert {"Xbox Live", "iPod Photo", "Xbox"} <= set(found)
    # one model, written with and without its maker
    found = systems(kb, "The Apple iPad Pro is fast. Reviewers liked the iPad Pro screen and the iPad.")
    assert [n for n in found if "Pro" in n] == ["iPad Pro"]
    # where the name runs on, or the word is the line's kind of thing, no model
    found = systems(
        kb,
        "Microsoft makes the Xbox. It feels like the Xbox Pro controller, and the Xbox Live 2 "
        "service sells through the iTunes music store.",
    )
    assert not {n for n in found if n.endswith(("Pro", "Live", "music"))}


def test_a_known_line_runs_on_into_its_models_letters_and_words(kb: KnowledgeBase) -> None:
    found = systems(
        kb,
        "Destiny 2 on Stadia is a step down from the Xbox One X version, which runs at native 4K. "
        "The Chromecast Ultra comes in the box. The Xbox One controller is sold apart.",
    )
    assert {"Xbox One X", "Chromecast Ultra"} <= set(found)
    assert "Xbox One controller" not in found
