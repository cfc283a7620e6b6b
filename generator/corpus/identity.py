"""Who is who across the corpus: one canonical entity per real-world person,
organisation, place or system, from the stakeholders and systems of every dossier.

Each dossier already holds one record per entity it names (people under their fullest
name, with the shorter forms the article uses as aliases). Records join across
articles in three steps, each on evidence, never on a name alone:

1. the same name, once what does not tell entities apart is folded away ("Mr
   Ebbers" = "Ebbers", "British Bankers' Association" = "British Bankers
   Association"), and of one family of kinds (a person; an organisation or outlet; a
   country or place; a system), the kind decided by all its records together: a
   knowledge pack's word first, then an honorific or an organisation's name shape,
   then what most articles say;
2. an acronym and the name it stands for, where one article names both or a pack
   lists both; "the British government" and "UK government" as the government of one
   country; "Vince Cable" and "Vincent Cable", a given name and its short form, where
   one article names both or their stories do and the surname is rare in the corpus;
3. a surname alone ("Blair", "Mr Blair") and the full name it stands for, where that
   article names the full name too, or the corpus holds one person of that surname who
   fits (gender, role) and whom the article's other names place in the same story. Two
   people who may be meant stay apart: the record keeps its own, unresolved entity; a
   peer's title ("Baroness Boothroyd") and the one person of that surname and gender
   the same article names ("Betty Boothroyd").

An editor's corrections (`corpus.yml`) come last and win: names to join, names (or one
article's name) to keep apart, a kind.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import TYPE_CHECKING

from ..dossier import Dossier
from .names import (
    fold_word as _fold_word,
)
from .names import (
    honorific_of,
    initials,
    is_acronym,
    is_given_name,
    name_key,
    names_someone,
    org_shaped,
    person_name,
    plain,
)
from .overrides import CorpusOverrides, Ref

if TYPE_CHECKING:
    from nicknames import NickNamer

FAMILY = {
    "person": "person",
    "organization": "organization",
    "media": "organization",
    "country": "place",
    "place": "place",
    "system": "system",
}
# How much one record's word on its kind counts.
PACK_VOTE, SHAPE_VOTE, TAGGER_VOTE = 100, 5, 1
NICKNAME_CONTEXT = 4.0  # how much the names around two forms must say they are one person
NAMESAKES = 3  # people of one surname in the corpus above which a nickname alone joins no one


@dataclass(frozen=True)
class Record:
    """One entity as one article names it: a stakeholder or a system of a dossier."""

    slug: str
    name: str
    kind: str
    forms: tuple[str, ...]  # the name and the aliases the article uses
    role: str | None
    known: bool  # a knowledge pack lists it
    sentences: int

    @property
    def ref(self) -> tuple[str, str]:
        return (self.slug, self.name)


@dataclass
class Entity:
    """One real-world entity across the corpus."""

    key: str  # "person:tony blair": stable while the entity keeps its name
    name: str
    kind: str
    records: list[Record] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)  # why forms were joined, for editors
    unresolved: bool = False  # a surname the corpus cannot tie to one person

    # Computed once the entity is whole (resolve() builds it with all its records).
    @cached_property
    def slugs(self) -> list[str]:
        return sorted({r.slug for r in self.records})

    @cached_property
    def forms(self) -> list[str]:
        counts = Counter(f for r in self.records for f in dict.fromkeys(r.forms))
        return [f for f, _ in sorted(counts.items(), key=lambda fc: (-fc[1], fc[0]))]

    @property
    def known(self) -> bool:
        return any(r.known for r in self.records)


@dataclass
class Identities:
    entities: list[Entity]
    of: dict[tuple[str, str], Entity]  # (explainer slug, name in that dossier) -> entity
    by_key: dict[str, Entity] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.by_key = self.by_key or {e.key: e for e in self.entities}

    def entity(self, slug: str, name: str) -> Entity | None:
        return self.of.get((slug, name))


def records_of(dossiers: Iterable[Dossier]) -> list[Record]:
    out = []
    for d in dossiers:
        for h in d.stakeholders:
            forms = (h.name, *h.aliases)
            out.append(Record(d.slug, h.name, h.kind, forms, h.role, h.known, len(h.sentences)))
        for s in d.systems:
            out.append(
                Record(d.slug, s.name, "system", (s.name, *s.aliases), None, s.known, len(s.sentences))
            )
    return out


def prepare_names(dossiers: Iterable[Dossier]) -> None:
    """Work out the name keys and name parts of every record ahead of `resolve` (they are
    cached): the pipeline calls this while spaCy analyses a new article, so resolving the
    corpus afterwards costs less of the editor's wait."""
    for r in records_of(dossiers):
        kind = r.kind
        for form in r.forms:
            name_key(form, kind)
            honorific_of(form)
            names_someone(form)
            if kind == "person":
                person_name(form)


class _Groups:
    """Union-find over records, refusing a join that an editor has ruled out."""

    def __init__(self, records: list[Record], apart: list[tuple[Ref, Ref]]):
        self.parent = list(range(len(records)))
        self.records = records
        self.members: dict[int, list[int]] = {i: [i] for i in range(len(records))}
        self.alone = [surname_alone(r) for r in records]  # asked of every record, often
        self.apart = apart
        self.evidence: dict[int, list[str]] = defaultdict(list)

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def _matches(self, root: int, ref: Ref) -> bool:
        return any(ref.matches(self.records[i]) for i in self.members[root])

    def join(self, a: int, b: int, why: str = "") -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        for x, y in self.apart:
            if (self._matches(ra, x) and self._matches(rb, y)) or (
                self._matches(ra, y) and self._matches(rb, x)
            ):
                return False
        if (len(self.members[ra]), rb) < (len(self.members[rb]), ra):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra] += self.members.pop(rb)
        self.evidence[ra] += self.evidence.pop(rb, [])
        if why:
            self.evidence[ra].append(why)
        return True

    def roots(self) -> list[int]:
        return sorted(self.members)


def _votes(records: Iterable[Record], overrides: CorpusOverrides) -> Counter[str]:
    votes: Counter[str] = Counter()
    for r in records:
        if r.known:
            votes[r.kind] += PACK_VOTE
        elif r.kind != "system" and any(honorific_of(f) for f in r.forms):
            votes["person"] += SHAPE_VOTE
        elif r.kind != "system" and org_shaped(r.name):
            votes["organization"] += SHAPE_VOTE
        else:
            votes[r.kind] += TAGGER_VOTE
    return votes


def decide_kind(records: list[Record], overrides: CorpusOverrides) -> str:
    """The kind all the records of one entity say together (the editor's, if given)."""
    for r in records:
        kind = overrides.kind_of(r.name)
        if kind:
            return kind
    votes = _votes(records, overrides)
    order = ("person", "organization", "country", "media", "place", "system")
    return min(votes, key=lambda k: (-votes[k], order.index(k) if k in order else 9))


def surname_alone(r: Record) -> bool:
    """A person named by a surname only ("Blair", "Mr Ebbers" even where spaCy said
    organisation): whom it means is decided in step 3, never by the name alone."""
    if r.known or r.kind == "system" or (r.kind != "person" and not honorific_of(r.name)):
        return False
    name = person_name(r.name)
    return name is not None and not name.full


def _by_name(groups: _Groups, overrides: CorpusOverrides) -> None:
    """Step 1: records of one folded name join, across the kinds articles give it (a
    person spaCy took for an organisation, a club taken for its city)."""
    by_key: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(groups.records):
        if not groups.alone[i]:
            by_key[name_key(r.name, overrides.kind_of(r.name) or r.kind)].append(i)
    for key, members in by_key.items():
        families: dict[str, list[int]] = defaultdict(list)
        for i in members:
            r = groups.records[i]
            families[FAMILY.get(overrides.kind_of(r.name) or r.kind, r.kind)].append(i)
        for same in families.values():
            for i in same[1:]:
                groups.join(same[0], i)
        _join_families(groups, families, key)


def _join_families(groups: _Groups, families: dict[str, list[int]], key: str) -> None:
    """One name given different kinds by different articles is one entity, of the kind
    the records say together: the analysis of one article cannot reliably tell "Liverpool"
    the club from the city, so splitting by its word would scatter both."""
    known_system = any(groups.records[i].known for i in families.get("system", []))
    if len(families) < 2 or known_system:
        return  # a pack's system is that system, whatever else shares its name
    ordered = sorted(families, key=lambda f: (-len(families[f]), f))
    for fam in ordered[1:]:
        groups.join(families[ordered[0]][0], families[fam][0], f"“{key}” named as a {ordered[0]} and a {fam}")


def _descriptors(groups: _Groups) -> None:
    """Step 1b: "Celebrity Chef Jamie Oliver", "Bookmaker William Hill", "MEP Nigel
    Farage": a word before a full name the corpus knows, that is nobody's given name,
    describes the person; the record joins that name."""
    people: dict[str, int] = {}
    given: set[str] = set()
    for i, r in enumerate(groups.records):
        name = person_name(r.name) if r.kind == "person" else None
        if name is not None and name.full and len(r.name.split()) == 2:
            people.setdefault(name_key(r.name, "person"), i)
            given.update(name.given)
    for i, r in enumerate(groups.records):
        words = plain(r.name).split()
        if r.kind != "person" or len(words) < 3 or r.known or honorific_of(r.name):
            continue
        # Up to two describing words ("Celebrity chef"), none of them a given name.
        for cut in (1, 2):
            if len(words) - cut < 2 or any(_fold_word(w) in given or is_given_name(w) for w in words[:cut]):
                break
            target = people.get(name_key(" ".join(words[cut:]), "person"))
            if target is not None:
                described = " ".join(words[:cut])
                groups.join(
                    target, i, f"“{r.name}” is {groups.records[target].name}: “{described}” describes them"
                )
                break


def _org_aliases(groups: _Groups) -> None:
    """Step 1c: an organisation one article names two ways ("JP Morgan Chase", later
    "JP Morgan") is one, wherever the other name stands as a name of its own."""
    by_key: dict[str, int] = {}
    for i, r in enumerate(groups.records):
        if FAMILY.get(r.kind) == "organization" and not groups.alone[i]:
            by_key.setdefault(name_key(r.name, r.kind), i)
    for i, r in enumerate(groups.records):
        if FAMILY.get(r.kind) != "organization":
            continue
        for form in r.forms[1:]:
            other = by_key.get(name_key(form, r.kind))
            if other is not None and len(plain(form).split()) > 1 and not is_acronym(form):
                groups.join(i, other, f"“{r.name}” and “{form}” are one organisation in {r.slug}")


def _acronym(form: str) -> str:
    return plain(form).replace(".", "") if is_acronym(form) else ""


def _acronyms(groups: _Groups) -> None:
    """Step 2a: "CBI" and "Confederation of British Industry" are one, where one article
    names both (as one record's forms, or as two records) and no other organisation of
    the corpus has those initials."""
    fulls: dict[str, set[int]] = defaultdict(set)  # initials -> full-name organisation records
    shorts: dict[str, list[int]] = defaultdict(list)  # acronym -> records named by it
    for i, r in enumerate(groups.records):
        if _acronym(r.name) and r.kind != "system":
            shorts[_acronym(r.name)].append(i)
        elif FAMILY.get(r.kind) == "organization" and initials(r.name):
            fulls[initials(r.name)].add(i)
    for acronym, ids in sorted(shorts.items()):
        candidates = sorted(fulls.get(acronym, ()))
        if len({groups.find(i) for i in candidates}) != 1:
            continue  # no full name, or several organisations with these initials
        both_in_one = {groups.records[i].slug for i in ids} & {groups.records[i].slug for i in candidates}
        written_both = [i for i in candidates if acronym in map(_acronym, groups.records[i].forms)]
        if both_in_one or written_both:
            full = groups.records[candidates[0]]
            where = sorted(both_in_one)[0] if both_in_one else groups.records[written_both[0]].slug
            for i in ids:
                groups.join(candidates[0], i, f"“{acronym}” stands for “{full.name}” ({where})")


def _governments(groups: _Groups, country_words: dict[str, str]) -> None:
    """Step 2b: "the British government", "UK government", "Britain's government" and
    "Government of the United Kingdom" are one organisation, the government of the
    United Kingdom."""
    by_country: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(groups.records):
        words = plain(r.name).split()
        if r.kind == "system" or len(words) < 2:
            continue
        if words[-1].lower() == "government":
            country = country_words.get(" ".join(words[:-1]).lower())
        elif [w.lower() for w in words[:2]] == ["government", "of"]:
            country = country_words.get(" ".join(w for w in words[2:] if w.lower() != "the").lower())
        else:
            continue
        if country:
            by_country[country].append(i)
    for country, ids in sorted(by_country.items()):
        for i in ids[1:]:
            groups.join(ids[0], i, f"“{groups.records[i].name}” is the government of {country}")


def _nicknames(groups: _Groups) -> None:
    """Step 2c: "Vince Cable" and "Vincent Cable", "Bernie Ebbers" and "Bernard Ebbers":
    one person under a given name and its short form (a curated list of English
    nicknames), where one article names both, or where the surname is rare in the corpus
    (at most NAMESAKES people) and the articles of one form name the rarer people,
    places and organisations of the other's. No third person of that surname may answer
    to either given name. "Steve Jones" of the Dragons and "Stephen Jones" of the
    Scarlets, in one sport's articles, stay apart: a common surname."""
    people = _people(groups)
    for _surname, roots in sorted(people.by_surname.items()):
        if len(roots) < 2:
            continue
        firsts = {root: _first_names(groups, root) for root in roots}
        for a, b in _nickname_pairs(roots, firsts, people):
            shared = sorted(people.articles[a] & people.articles[b])
            if shared:
                why = f"both forms are in {shared[0]}"
            else:
                small, big = sorted((a, b), key=lambda r: (len(people.articles[r]), r))
                score = max(_context(people, big, slug) for slug in people.articles[small])
                if len(roots) > NAMESAKES or score < NICKNAME_CONTEXT:
                    continue
                why = "the names around them in their articles"
            names = f"“{groups.records[a].name}” and “{groups.records[b].name}”"
            groups.join(a, b, f"{names} are one person: {why}")


def _first_names(groups: _Groups, root: int) -> set[tuple[str, ...]]:
    """The given names the records of `root` write in full."""
    out = set()
    for i in groups.members[groups.find(root)]:
        r = groups.records[i]
        name = person_name(r.name) if r.kind == "person" and not groups.alone[i] else None
        if name is not None and name.full and name.given:
            out.add(name.given)
    return out


def _nickname_pairs(
    roots: list[int], firsts: dict[int, set[tuple[str, ...]]], people: _People
) -> list[tuple[int, int]]:
    """Pairs of roots whose first given names are one name and its nickname (the other
    given names the same), of one gender; none where a third root answers to either."""
    pairs = []
    for x, a in enumerate(roots):
        for b in roots[x + 1 :]:
            if people.genders[a] and people.genders[b] and people.genders[a] != people.genders[b]:
                continue
            if any(_nickname_of(g, h) for g in firsts[a] for h in firsts[b]):
                pairs.append((a, b))
    counts = Counter(r for pair in pairs for r in pair)
    # Ambiguous: "Andy" beside an "Andrew" and an "Andrea".
    return [(a, b) for a, b in pairs if counts[a] == 1 and counts[b] == 1]


def _nickname_of(g: tuple[str, ...], h: tuple[str, ...]) -> bool:
    if len(g) != len(h) or g[1:] != h[1:] or g[0] == h[0]:
        return False
    nicknames = _nicknamer()
    return h[0] in nicknames.nicknames_of(g[0]) or g[0] in nicknames.nicknames_of(h[0])


@cache
def _nicknamer() -> NickNamer:
    from nicknames import NickNamer

    return NickNamer()


@dataclass
class _People:
    """Full-name people after steps 1-2, for tying a surname alone to one of them."""

    by_surname: dict[str, list[int]]  # surname -> roots of full-name people
    given_names: set[str]  # every given name of a full-name person
    articles: dict[int, set[str]]  # root -> explainers naming it
    roles: dict[int, set[str]]  # root -> words of the roles articles give
    genders: dict[int, set[str]]
    initials: dict[int, set[str]]  # root -> first letters of its given names
    in_article: dict[str, set[int]]  # explainer -> roots named there


def _people(groups: _Groups) -> _People:
    people = _People(defaultdict(list), set(), defaultdict(set), defaultdict(set), defaultdict(set),
                     defaultdict(set), defaultdict(set))  # fmt: skip
    for i, r in enumerate(groups.records):
        root = groups.find(i)
        people.articles[root].add(r.slug)
        people.in_article[r.slug].add(root)
        name = person_name(r.name) if r.kind == "person" and not groups.alone[i] else None
        if name is None or not name.full or not names_someone(r.name):
            continue
        if root not in people.by_surname[name.surname]:
            people.by_surname[name.surname].append(root)
        people.given_names.update(name.given)
        if r.role:
            people.roles[root].update(_role_words(r.role))
        if name.gender:
            people.genders[root].add(name.gender)
        people.initials[root].add(name.initial)
    return people


@cache
def _role_words(role: str) -> frozenset[str]:
    return frozenset(w for w in role.lower().replace("-", " ").split() if len(w) > 3 and w.isalpha())


def _context(people: _People, root: int, slug: str) -> float:
    """How much the article's other names place it in the stories of `root`: rarer
    shared names count more ("Labour Party" more than "United Kingdom")."""
    total = len(people.in_article)
    mine = people.articles[root] - {slug}
    score = 0.0
    for other in people.in_article[slug]:
        if other != root and not mine.isdisjoint(people.articles[other] - {slug}):
            score += math.log(1 + total / len(people.articles[other]))
    return score


def _fits(people: _People, r: Record, candidates: list[int]) -> tuple[int | None, str]:
    """The one person of that surname the record stands for, or None; and why."""
    here = [c for c in candidates if c in people.in_article[r.slug]]
    if here:
        # The article names the full name too (spaCy split one person in two): unless two.
        return (here[0], f"both forms are in {r.slug}") if len(here) == 1 else (None, "")
    role = _role_words(r.role or "")
    scored = sorted(
        ((_context(people, c, r.slug) + (2.0 if role & people.roles[c] else 0.0), c) for c in candidates),
        reverse=True,
    )
    best, root = scored[0]
    runner_up = scored[1][0] if len(scored) > 1 else 0.0
    # Placed in that person's stories by shared names or a role (one shared name rarer
    # than in about one article of seven is enough; in a small corpus, one not in all),
    # and clearly ahead of anyone else of that surname.
    enough = min(2.0, math.log(1 + len(people.in_article) / 3))
    if best >= enough and best >= 2 * runner_up + enough / 2:
        return root, f"the names and roles around it in {r.slug}"
    return None, ""


def _surnames(groups: _Groups) -> set[int]:
    """Step 3: a surname alone joins the one full name it stands for; left alone, the same
    word joins across articles only where no full name of the corpus could be meant
    ("Eminem", "Ronaldinho"). Returns the records that stay undecided."""
    people = _people(groups)
    alone: dict[tuple[str, str], list[int]] = defaultdict(list)
    undecided = set()
    # A one-word name that other articles give a firm or a place ("Yukos"): that one.
    others = {
        name_key(r.name): i
        for i, r in enumerate(groups.records)
        if not groups.alone[i] and r.kind != "person"
    }
    for i, r in enumerate(groups.records):
        name = person_name(r.name) if groups.alone[i] else None
        if name is None:
            continue
        candidates = [
            c
            for c in people.by_surname.get(name.surname, [])
            if (not name.gender or not people.genders[c] - {name.gender})
            and (not name.initial or name.initial in people.initials[c])
        ]
        if candidates:
            root, why = _fits(people, r, candidates)
            if root is not None:
                groups.join(root, i, f"“{r.name}” in {r.slug} is {groups.records[root].name}: {why}")
                continue
        if candidates or name.surname in people.given_names or is_given_name(name.surname):
            undecided.add(i)
        elif name_key(r.name) in others and not honorific_of(r.name):
            groups.join(others[name_key(r.name)], i, f"“{r.name}” is named as a {r.kind} in {r.slug} only")
        else:
            alone[(name.surname, name.initial)].append(i)
    for ids in alone.values():
        for i in ids[1:]:
            groups.join(ids[0], i)
    _peers(groups, people)
    return undecided


def _peers(groups: _Groups, people: _People) -> None:
    """A peer's title ("Baroness Boothroyd", "Lord Falconer") and the given name and
    surname of one person of that gender the same article names ("Betty Boothroyd").
    With no gender to compare, or two such people, they stay apart: "Lady Thatcher"
    beside "Mark Thatcher" is his mother."""
    for i, r in enumerate(groups.records):
        name = person_name(r.name) if r.kind == "person" and not r.known else None
        if name is None or not name.peer or name.given or not name.gender:
            continue
        own = groups.find(i)
        named = {
            groups.find(c): c
            for c in people.by_surname.get(name.surname, [])
            if c in people.in_article[r.slug] and people.initials[c] - {""}
        }
        named.pop(own, None)
        if len(named) != 1:
            continue
        person = next(iter(named.values()))
        if people.genders[person] == {name.gender}:
            why = f"“{r.name}” in {r.slug} is {groups.records[person].name}: a peer's title"
            groups.join(person, i, why)


def _editor_joins(groups: _Groups, overrides: CorpusOverrides) -> None:
    for refs in overrides.same:
        ids = [i for ref in refs for i, r in enumerate(groups.records) if ref.matches(r)]
        for i in ids[1:]:
            groups.join(ids[0], i, "joined by the editor (corpus.yml)")


def _canonical_name(records: list[Record], kind: str) -> str:
    """A pack's name; else the form most articles use, a person's full name first."""
    known = sorted({r.name for r in records if r.known})
    if known:
        return known[0]
    counts: Counter[str] = Counter()
    for r in records:
        counts[r.name] += 1

    def rank(name: str) -> tuple[bool, bool, int, int, str]:
        parsed = person_name(name) if kind == "person" else None
        # A person's full name; an organisation's name over its initials.
        full = bool(parsed and parsed.full) if kind == "person" else not is_acronym(name)
        return (not full, honorific_of(name) is not None, -counts[name], -len(name), name)

    return min(counts, key=rank)


def resolve(
    dossiers: list[Dossier],
    overrides: CorpusOverrides | None = None,
    country_words: dict[str, str] | None = None,
) -> Identities:
    """The corpus's entities. `country_words`: a country's names and demonyms (lower
    case) to the country, from the packs ("british" -> "United Kingdom")."""
    overrides = overrides or CorpusOverrides()
    records = records_of(sorted(dossiers, key=lambda d: d.slug))
    groups = _Groups(records, overrides.different)
    _editor_joins(groups, overrides)
    _by_name(groups, overrides)
    _descriptors(groups)
    _org_aliases(groups)
    _acronyms(groups)
    _governments(groups, country_words or {})
    _nicknames(groups)
    undecided = _surnames(groups)
    entities = []
    of: dict[tuple[str, str], Entity] = {}
    for root in groups.roots():
        members = [records[i] for i in sorted(groups.members[root])]
        kind = decide_kind(members, overrides)
        name = _canonical_name(members, kind)
        unresolved = all(i in undecided for i in groups.members[root])
        entity = Entity(f"{FAMILY.get(kind, kind)}:{name_key(name, kind)}", name, kind, members,
                        sorted(set(groups.evidence.get(root, []))), unresolved)  # fmt: skip
        entities.append(entity)
        for r in members:
            of[r.ref] = entity
    _unique_keys(entities)
    return Identities(sorted(entities, key=lambda e: e.key), of)


def _unique_keys(entities: list[Entity]) -> None:
    """Two entities of one name (two people called Michael Owen, kept apart by the
    editor): the one named in more articles keeps the plain key."""
    by_key: dict[str, list[Entity]] = defaultdict(list)
    for e in entities:
        by_key[e.key].append(e)
    for key, same in by_key.items():
        if len(same) < 2:
            continue
        same.sort(key=lambda e: (-len(e.slugs), e.slugs[0]))
        for e in same[1:]:
            e.key = f"{key}@{e.slugs[0]}"
