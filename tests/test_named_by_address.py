"""People and bodies news names by a form of address or a nickname the tagger misses:
a peer by rank and surname, "Number 10", a unit of a known office (text written for the
tests)."""

from __future__ import annotations

from generator.analyze import analyze
from generator.analyze.packs import KnowledgeBase
from tests.test_realnews import names, said, seed


def test_a_peer_named_by_rank_alone_is_a_person_and_the_he_that_follows(kb: KnowledgeBase) -> None:
    # The tagger sees "Janner" without "Lord"; without him "He told ITV" went to Kennedy.
    d = analyze(
        seed(
            "Lib Dem leader Charles Kennedy said the prince should apologise in person. Former "
            "Labour MP Lord Janner, a member of the Jewish community, branded the costume "
            'stupid. He told ITV: "The time has come for him to make a public apology."'
        ),
        kb,
    )
    assert "Lord Janner" in names(d, "person")
    assert said(d, "public apology").source == "Lord Janner"
    assert "Lib Dem" not in names(d, "person")


def test_a_form_of_address_before_a_title_names_no_one(kb: KnowledgeBase) -> None:
    d = analyze(
        seed(
            'Aderholt asked about the contingency plan. "I think, Mr. Ranking Member, that would '
            'put us in a position we cannot defend," the secretary replied.'
        ),
        kb,
    )
    assert "Ranking" not in " ".join(names(d, "person"))


def test_number_10_is_the_prime_ministers_office(kb: KnowledgeBase) -> None:
    d = analyze(
        seed(
            "The prince wore a Nazi uniform to a party. Number 10 said an error was made but the "
            "matter should now be left to the palace."
        ),
        kb,
    )
    assert "Downing Street" in names(d, "organization")
    assert said(d, "an error was made").source == "Downing Street"


def test_a_unit_of_a_known_office_keeps_its_whole_name(kb: KnowledgeBase) -> None:
    d = analyze(
        seed(
            "The Downing Street Strategy Unit in 2003 said people from Indian backgrounds were "
            "doing well on average. The Home Office wants more such programmes."
        ),
        kb,
    )
    assert "Downing Street Strategy Unit" in names(d, "organization")
    assert "Downing Street" not in names(d)


def test_one_known_body_does_not_stop_the_government_being_the_countrys_named_most(
    kb: KnowledgeBase,
) -> None:
    # Downing Street (a known UK body) is named once: too little to decide whose
    # government it is alone, but the UK is named throughout.
    d = analyze(
        seed(
            "Britain's young Muslims should feel British, the Home Office said. Britain has many "
            "communities, and Britain's schools teach citizenship. A Downing Street report found "
            "progress. The government said it would publish a race strategy for the UK."
        ),
        kb,
    )
    assert said(d, "race strategy").source == "UK government"


def test_a_given_name_a_known_company_goes_by_opens_a_persons_name(kb: KnowledgeBase) -> None:
    # The packs know the Israeli arms maker Rafael; "Rafael Nadal" is a tennis player.
    d = analyze(
        seed(
            "Rafael Nadal won the final in Seville. Rafael Benitez said his side played well. "
            "Israel's Rafael makes the Iron Dome interceptors."
        ),
        kb,
    )
    assert {"Rafael Nadal", "Rafael Benitez"} <= set(names(d, "person"))
    assert "Rafael Advanced Defense Systems" in names(d, "organization")


def test_a_royal_is_named_with_the_title(kb: KnowledgeBase) -> None:
    d = analyze(
        seed(
            "Prince Harry should make clear how sorry he is, says Tory leader Michael Howard. "
            "Harry and Prince William were at the party. King Abdullah of Jordan paid for a trip. "
            "Princes William and Harry left early."
        ),
        kb,
    )
    people = names(d, "person")
    assert {"Prince Harry", "Prince William", "King Abdullah"} <= set(people)
    assert "Harry" not in people and "William" not in people and "Princes William" not in people


def test_no_group_of_people_and_no_day_is_part_of_a_name(kb: KnowledgeBase) -> None:
    d = analyze(
        seed(
            "Minister for Children, Young People and Families Margaret Hodge said the plans were "
            "fair. Umaga will play in Saturday's IRB Rugby Aid match, and Liverpool face "
            "Wednesday's Champions League game."
        ),
        kb,
    )
    assert "Young People" not in names(d)
    text = (
        "Minister for Children, Young People and Families Margaret Hodge said new plans will "
        "ensure allowances would be fair."
    )
    role = said(analyze(seed(text), kb), "allowances would be fair").role or ""
    assert "Hodge" not in role and "ChildrenYoung" not in role  # a comma left out leaves a space
    assert "IRB Rugby Aid" in names(d, "organization")
    assert not any("day's" in name for name in names(d))


def test_a_body_of_a_country_is_named_from_its_own_name(kb: KnowledgeBase) -> None:
    d = analyze(
        seed(
            "Germany's BdB private banks association said the economy would struggle to meet its "
            "target. China's commerce ministry said it would act. ISP Freedom2surf said it was a "
            "good day. The British and Irish Lions will tour New Zealand, and three times Nadal "
            "forces a break point."
        ),
        kb,
    )
    bodies = names(d, "organization")
    assert "BdB private banks association" in bodies
    assert "China's commerce ministry" in bodies
    assert "Freedom2surf" in bodies
    assert "British and Irish Lions" in bodies
    assert not any(name.endswith("forces") for name in bodies)


def test_a_committee_of_the_commons_is_named_by_its_subject(kb: KnowledgeBase) -> None:
    # The BBC writes its select committees in lower case after "Commons".
    d = analyze(
        seed(
            "A report by the Commons work and pensions committee called for the agency to be "
            "wound up. The Commons science and technology committee said the plans were flawed. "
            "The bill passes through the Commons next week."
        ),
        kb,
    )
    bodies = names(d, "organization")
    assert "Commons work and pensions committee" in bodies
    assert said(d, "plans were flawed").source == "Commons science and technology committee"
    assert "House of Commons" in bodies


def test_a_ministry_named_with_its_nation_is_the_packs(kb: KnowledgeBase) -> None:
    d = analyze(seed("The British Foreign Office said the settlements were an obstacle to peace."), kb)
    office = next(s for s in d.stakeholders if s.name == "Foreign Office")
    assert "British Foreign Office" in office.aliases
    assert said(d, "obstacle to peace").source == "Foreign Office"


def test_a_body_named_alone_before_its_arm_is_not_the_arm(kb: KnowledgeBase) -> None:
    d = analyze(
        seed(
            "Next has said its annual profit will be lower than expected. Next chief executive "
            "Simon Wolfson admitted that sales were weak. Sales across its shops rose, Next said. "
            "Analysts said Next had a poor Christmas. "
            "Sales at Next Directory, its catalogue, rose too. Delta said fares would rise. Delta "
            "blamed the cost of fuel. Delta Airlines flies to 40 cities."
        ),
        kb,
    )
    bodies = names(d, "organization")
    assert {"Next", "Next Directory"} <= set(bodies)
    assert "Delta" not in bodies


def test_he_after_an_unnamed_dealer_is_the_dealer(kb: KnowledgeBase) -> None:
    d = analyze(
        seed(
            '"It\'s a result," said Nick Bubb, an analyst at Evolution Securities. However, one '
            'dealer, who asked not to be named, told Reuters the sales were poor. "Christmas has '
            'been tough for the whole sector," he said.'
        ),
        kb,
    )
    assert said(d, "tough for the whole sector").source == "one dealer"
