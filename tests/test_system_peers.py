"""Systems the sentence shows beside other systems or a kind of one
(generator/analyze/system_peers.py), cars by maker and model (vehicles.py), and releases
and spellings of pack systems; on sentences written for these tests, with the look-alikes
that are companies, bodies, places and parts of longer names."""

from __future__ import annotations

import pytest

from generator.analyze import analyze
from generator.analyze.packs import KnowledgeBase
from tests.test_realnews import seed


def systems(kb: KnowledgeBase, text: str) -> dict[str, str | None]:
    return {s.name: s.category for s in analyze(seed(text), kb).systems}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # listed with a system a pack knows: of its kind, the list does not say
        (
            "If you have finished Gloomfall 3, Star Lancer 2 and Halo 2, don't worry.",
            {"Gloomfall 3", "Star Lancer 2"},
        ),
        ("The patch fixes a hole in Vantor Player, Windows and MSN Messenger.", {"Vantor Player"}),
        (
            "After the success of Apple's iTunes, Tunebarn and other download services, firms followed.",
            {"Tunebarn"},
        ),
        # set beside a kind of system, either way round
        (
            "Quarry Torrents, another popular file-sharing site, has also decided to shut down.",
            {"Quarry Torrents"},
        ),
        (
            "Tellco has just released its music-playing mobile phone, the Q800, which holds 500 songs.",
            {"Q800"},
        ),
        ("Grandfield is bringing a hybrid SUV - the Marlin - to market a year early.", {"Marlin"}),
        ("The prize went to the Nintendo title, The Quest of Ardenne.", {"Quest of Ardenne"}),
        ("Mr Pallister's invention, the Shift-Mate, lets riders change gear by hand.", {"Shift-Mate"}),
        # a kind set apart after the name, then a clause; a kind in the plural, then its names
        (
            "He made one for a party in Uruguay, Vamonos, an online puzzle game that offered a view.",
            {"Vamonos"},
        ),
        (
            "Mundo's two previous programs, Gatepass and Stormcloud, aimed to protect users.",
            {"Gatepass", "Stormcloud"},
        ),
        # a car maker and its model, in an article about cars
        (
            "Rally schools use a Subaru Verano with an automatic gearbox and a manual Vauxhall Corsetta GSI.",
            {"Subaru Verano", "Vauxhall Corsetta GSI"},
        ),
        # names before "models" in a sentence that names a car maker
        (
            "Ford is revitalising its range, unveiling the Corvan and Zelda models at the Detroit show.",
            {"Corvan", "Zelda"},
        ),
        # a pack system's release by number, and a pack name spelled with a capital
        (
            "The flaw affects machines running Windows 2000 and the new Mac Mini.",
            {"Windows 2000", "Mac mini"},
        ),
    ],
)
def test_systems_the_sentence_puts_beside_a_system_or_a_kind(
    kb: KnowledgeBase, text: str, expected: set[str]
) -> None:
    assert expected <= set(systems(kb, text))


def test_a_list_of_systems_gives_its_names_no_kind_of_their_own(kb: KnowledgeBase) -> None:
    found = systems(kb, "Users can read mail in Postbarn, Windows and MSN Messenger.")
    assert "Postbarn" in found and not found["Postbarn"]  # no messenger because MSN Messenger is one
    assert systems(kb, "Machines running Windows 2000 were hit.")["Windows 2000"] == "operating system"


@pytest.mark.parametrize(
    ("text", "not_systems"),
    [
        # who owns or makes the systems: a pack body in the list, or a name shown acting
        (
            "The group uses satellites from Nasa, the European Space Agency and the Disaster Monitoring"
            " Constellation.",
            {"Nasa"},
        ),
        ("Sales of the iPod and Zentra players rose. Zentra said it had shipped a million.", {"Zentra"}),
        ("Sony's PlayStation 3, Xenix, and Nintendo's so-called Revolution are due next year.", {"Nintendo"}),
        # the tail of a longer name, a plain noun, a figure, a body
        ("The modes match those on Xbox One X and PS4 Pro.", {"X", "Pro"}),
        ("New models include several new small SUVs, a redesigned compact car and a wagon.", {"SUVs"}),
        (
            "The report from the Food and Agriculture Organisation and the World Food Programme said so.",
            {"Food and Agriculture Organisation"},
        ),
        # a list of kinds, not a name beside one; a think tank; a hyphen inside a model's name
        ("You can play it on your TV, phone, tablet or laptop.", {"TV"}),
        (
            "Dr Wills, head of the think tank, the Media Research Group, reviewed the studies.",
            {"Media Research Group"},
        ),
        ("The PH-S6500 phone, dubbed a sports gadget, was made by Pantech.", {"The PH", "PH"}),
        # car makers' names that are companies, teams or places, not models
        (
            "Fiat Auto named a new chief executive, and the Maserati car company moved under Fiat.",
            {"Fiat Auto", "Maserati"},
        ),
        (
            "German marques Mercedes Benz and BMW kept their hold on the luxury car market.",
            {"Mercedes Benz", "BMW"},
        ),
        ("The Toyota Music Factory hosts concerts every weekend.", {"Toyota Music Factory"}),
        # a headline's capitals
        ("Sign up for the Disney+, Hulu, and ESPN+ Package and Save $5/Month", {"Save"}),
    ],
)
def test_names_beside_systems_that_are_not_systems(
    kb: KnowledgeBase, text: str, not_systems: set[str]
) -> None:
    assert not (not_systems & set(systems(kb, text)))


def test_a_plural_is_named_as_the_article_names_one(kb: KnowledgeBase) -> None:
    text = (
        "Zentra was upbeat about its Zentra Vibe players. People like big libraries on devices "
        "like iPods and Zentra Vibes. The Zentra Vibe costs less."
    )
    found = systems(kb, text)
    assert "Zentra Vibes" not in found


@pytest.mark.parametrize(
    ("text", "expected", "not_expected"),
    [
        # a model named after a place, and a toy's name spaCy takes for a person's
        ("Porsche is still considering whether to hybridise its Cayenne SUV.", {"Cayenne"}, set()),
        ("The Robosapiens toy is almost impossible to find in the shops.", {"Robosapiens"}, set()),
        # a person's name before a kind of product, and a phone that only describes a call
        ("Mr Robosapiens said the Robosapiens toy was his.", set(), {"Robosapiens"}),
        (
            "He claimed third-hand knowledge of a confidential Varga phone call to the president.",
            set(),
            {"Varga"},
        ),
    ],
)
def test_what_spacy_guesses_gives_way_to_the_kind(
    kb: KnowledgeBase, text: str, expected: set[str], not_expected: set[str]
) -> None:
    found = set(systems(kb, text))
    assert expected <= found and not (not_expected & found)


def test_a_list_item_a_pack_line_opens_and_a_maker_before_a_model(kb: KnowledgeBase) -> None:
    found = systems(kb, "The patch fixes a hole in Vantor Player, Windows Messenger and MSN Messenger.")
    assert "Vantor Player" in found
    found = systems(kb, "Shoppers chose between the Sony PSP, Nintendo DS and Gizmatic.")
    assert "Gizmatic" in found  # the makers open two of the names: the list is of consoles still
