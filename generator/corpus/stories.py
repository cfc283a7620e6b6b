"""Stories: the articles that tell one developing event or saga, grouped.

Articles are taken in the order of their dates (then addresses), so the same corpus
always makes the same stories, and each joins the story it is most like, where it is
like it enough, or starts one. Alike means the same actors (who the articles are
about, as the corpus identifies them: named in the headline, the In brief or in two
sentences or more; rarer ones weigh more) and the same words in headline and lede
(stemmed by Snowball, so "arrests" is "arrest"; a word weighs as it is rare in the
corpus and in English, from wordfreq; a word no other article has is left out). An actor named
in passing does not make an article part of a story (a market report that mentions an
oil company), nor do shared words alone (two oil stories). An article is compared only
with the stories that share one of its rarer actors or of its two heaviest words, so
the work grows with the corpus, not with its square. A second look joins two stories
as alike as an article and its story (a story first told in other words); a last one
sets apart, from a story most of whose headlines share a word (its name: "Oscar"), the
articles whose headline lacks it and whose words are not close to the rest (a Bafta
report that mentions the Oscars); a big story whose headlines hardly share a word (an
election campaign grown speech by speech) is grouped again with a stricter likeness. Dated articles far apart
(a long silence) are two stories.

The similarity is tf-idf cosine and the grouping a leader clustering, written here:
it must take articles one by one in a fixed order (stable, incremental stories), which
no clustering library offers, and scikit-learn alone would add two seconds of import
to every run of the editor's loop.

The editor decides where the articles disagree: `story: NAME` in an article's metadata
puts it in one story with every article of that NAME, `story: own` keeps it alone;
`stories:` in corpus.yml joins two articles' stories or keeps two articles apart.

Near-duplicates, the same report filed twice, are found among a story's articles by
their shared runs of five words: the story shows the report once and names the copy.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from ..dossier import Dossier
from .entity_pages import main_actors, named
from .identity import Identities

THRESHOLD = 0.35  # likeness (0-1) an article needs to join a story
ACTOR_WEIGHT = 0.2  # of likeness, the actors' share; the headline and lede words have the rest
COMMON = 50  # an actor in more articles than this proposes no story (it still counts in likeness)
SILENCE_DAYS = 45  # dated articles further apart than this from a story's last do not join it
SALIENT_MENTIONS = 2  # sentences naming an entity before it counts as an actor of the article
LEDE = 6  # sentences of the lede compared besides the headline
RARE_IN_ENGLISH = 7.0  # Zipf frequency (wordfreq) at which a word tells nothing of a story
HEADLINE_WEIGHT = 2  # a headline word counts as much as this many in the lede
NAMED_AFTER = 6  # articles a story needs before a word most of its headlines share names it
KEEP_UNNAMED = 0.5  # likeness to a named story's core that keeps an article not named so
MERGE = 0.4  # likeness above which two stories are one
UNNAMED_SHARE = 0.34  # share of a big story's headlines its commonest word is in, at or below which…
SPLIT = 0.45  # …it is told again with this likeness to join
SETTLE = 0.4  # likeness at which an article left alone joins the story it is most like
SETTLE_WORDS = 4  # an article's heaviest words, which propose a story for it in that last look
BLOCKING_WORDS = 2  # of those, the ones that propose a story for it in the first pass too
COPY_LEDE = 0.3  # likeness of two reports' ledes below which they are not copies
DUPLICATE = 0.6  # shared five-word runs (Jaccard) above which two reports are one filed twice
SAME_HEADLINE = 0.2  # shared five-word runs above which two reports under one headline tell one story
OWN = "own"  # `story: own`: an article that is a story of its own
_WORD = re.compile(r"[a-z][a-z'-]+")
# Words that say nothing of what a story is about.
_STOP_LIST = """
the a an and or but of to in on at for from by with as is are was were be been being has have had it
its this that these those he she they we you his her their our not no will would could should may
might can said says say also after before over under into about than then there here what which who
whom when where how why all any some more most other such one two three new year years last first mr
mrs ms
"""
STOP_WORDS = frozenset(_STOP_LIST.split())


@dataclass
class Vector:
    """Sparse weights that know their length: a story's grows with each article, and
    is compared with every new one."""

    weights: dict[str, float] = field(default_factory=dict)
    norm2: float = 0.0

    @classmethod
    def of(cls, weights: dict[str, float]) -> Vector:
        return cls(dict(weights), sum(w * w for w in weights.values()))

    def add(self, other: Vector) -> None:
        for k, w in other.weights.items():
            old = self.weights.get(k, 0.0)
            self.norm2 += 2 * old * w + w * w
            self.weights[k] = old + w

    def cosine(self, other: Vector) -> float:
        a, b = (self, other) if len(self.weights) <= len(other.weights) else (other, self)
        dot = sum(w * b.weights.get(k, 0.0) for k, w in a.weights.items())
        norm = math.sqrt(self.norm2 * other.norm2)
        return dot / norm if norm > 0 else 0.0


@dataclass(frozen=True)
class Features:
    slug: str
    day: date | None
    actors: Vector  # entity key -> weight
    words: Vector  # term -> weight
    headline: frozenset[str] = frozenset()  # its headline's stems


@dataclass
class _Story:
    members: list[str] = field(default_factory=list)
    actors: Vector = field(default_factory=Vector)  # its articles' weights, summed
    words: Vector = field(default_factory=Vector)
    first_day: date | None = None
    last_day: date | None = None
    closed: bool = False  # `story: own`: takes no other article
    named: bool = False  # the editor named it (`story: NAME`): the analysis adds nothing to it


@dataclass(frozen=True)
class StoryGroup:
    """One story: its articles in the order it was told, and the reports filed twice."""

    members: tuple[str, ...]
    copies: dict[str, str]  # the copy's explainer -> the report it repeats
    actors: frozenset[str] = frozenset()  # who its articles are about (corpus entity keys)

    @property
    def reports(self) -> list[str]:
        """Its articles, each report once (a copy left out)."""
        return [m for m in self.members if m not in self.copies]


def _day(d: Dossier) -> date | None:
    try:
        return date.fromisoformat(d.date) if d.date and len(d.date) == 10 else None
    except ValueError:
        return None


def _words(d: Dossier) -> list[str]:
    """The headline (weighted) and lede words, hyphened ones split and quotes dropped."""
    return _words_of(" ".join([*[d.title] * HEADLINE_WEIGHT, *(s.text for s in d.sentences[:LEDE])]))


def _words_of(text: str) -> list[str]:
    text = text.lower().replace("-", " ").replace("’", "'").replace("'s ", " ")
    words = (w.strip("'") for w in _WORD.findall(text))
    return [w for w in words if w not in STOP_WORDS and len(w) > 2]


@cache
def _stemmer() -> Callable[[str], str]:
    import snowballstemmer

    stem = snowballstemmer.stemmer("english").stemWord
    return cache(stem)


def actors_of(d: Dossier, identities: Identities, main: set[str] | None = None) -> set[str]:
    """The corpus keys of who an article is about. `main`: its main actors, if known."""
    main = main_actors(d) if main is None else main
    out = set()
    for item in named(d):
        entity = identities.entity(d.slug, item.name)
        if (
            entity is not None
            and not entity.unresolved
            and (item.name in main or len(item.sentences) >= SALIENT_MENTIONS)
        ):
            out.add(entity.key)
    return out


@cache
def english_frequencies() -> dict[str, float]:
    """wordfreq's English word frequencies (0.1 s to load: the pipeline loads them while
    spaCy analyses a new article)."""
    from wordfreq import get_frequency_dict

    return get_frequency_dict("en")


def _rarity(words: Iterable[str]) -> dict[str, float]:
    """How rare each word is in English at large (7 less its Zipf frequency, at least 0):
    "rosneft" 4.7, "auction" 2.7, "company" 1.4, "said" 1.0. It keeps a small corpus, where
    every word is rare within it, from taking common words for a story's own."""
    frequency = english_frequencies()
    out = {}
    for w in words:
        f = frequency.get(w, 0.0)
        out[w] = max(0.0, RARE_IN_ENGLISH - (math.log10(f) + 9 if f > 0 else 0.0))
    return out


def features(
    dossiers: list[Dossier], identities: Identities, main: dict[str, set[str]] | None = None
) -> list[Features]:
    """`main`: each article's main actors, if known (entity_pages.main_actors)."""
    n = len(dossiers)
    main = main or {}
    actors = {d.slug: actors_of(d, identities, main.get(d.slug)) for d in dossiers}
    stem = _stemmer()
    surfaces = {d.slug: _words(d) for d in dossiers}
    terms = {slug: [stem(w) for w in ws] for slug, ws in surfaces.items()}
    actor_df = Counter(k for keys in actors.values() for k in keys)
    word_df = Counter(w for ts in terms.values() for w in set(ts))
    # A stem is as rare in English as the commonest word it stands for ("arrests", "arrest").
    by_word = _rarity({w for ws in surfaces.values() for w in ws})
    rarity: dict[str, float] = {}
    for w, r in by_word.items():
        root = stem(w)
        rarity[root] = min(r, rarity.get(root, r))
    out = []
    for d in dossiers:
        weighted = {k: math.log(1 + n / actor_df[k]) for k in actors[d.slug]}
        # A word weighs as it is rare both in this corpus (idf) and in English.
        idf = {w: math.sqrt(rarity[w] * math.log(1 + n / word_df[w])) for w in set(terms[d.slug])}
        counts = Counter(terms[d.slug])
        # A word no other article has tells nothing of which story this is.
        words = {w: (1 + math.log(c)) * idf[w] for w, c in counts.items() if idf[w] > 0 and word_df[w] > 1}
        head = frozenset(stem(w) for w in _words_of(d.title))
        out.append(Features(d.slug, _day(d), Vector.of(weighted), Vector.of(words), head))
    return out


def _likeness(actors: Vector, words: Vector, s: _Story) -> float:
    return ACTOR_WEIGHT * actors.cosine(s.actors) + (1 - ACTOR_WEIGHT) * words.cosine(s.words)


def _share_an_actor(a: Vector, b: Vector) -> bool:
    """Shared words alone are two oil stories: a story joins only with an actor in common."""
    return bool(a.weights.keys() & b.weights.keys())


def _add(s: _Story, f: Features) -> None:
    s.members.append(f.slug)
    s.actors.add(f.actors)
    s.words.add(f.words)
    if f.day and (s.last_day is None or f.day > s.last_day):
        s.last_day = f.day
    if f.day and (s.first_day is None or f.day < s.first_day):
        s.first_day = f.day


def _may_join(f: Features, s: _Story, apart: dict[str, set[str]]) -> bool:
    if s.closed or (f.slug in apart and apart[f.slug].intersection(s.members)):
        return False
    return not (f.day and s.last_day and abs((f.day - s.last_day).days) > SILENCE_DAYS)


def _best_story(
    f: Features,
    stories: Sequence[_Story] | Mapping[int, _Story],
    candidates: Iterable[int],
    apart: dict[str, set[str]],
    threshold: float = THRESHOLD,
    one_actor: bool = False,
) -> int | None:
    """The candidate story most like the article, if any is more alike than `threshold`
    (and, with `one_actor`, shares an actor with it: shared words alone are two oil stories)."""
    best, best_score = None, threshold
    for i in sorted(candidates):
        if one_actor and not _share_an_actor(f.actors, stories[i].actors):
            continue
        if _may_join(f, stories[i], apart):
            score = _likeness(f.actors, f.words, stories[i])
            if score > best_score:
                best, best_score = i, score
    return best


def _blocking_keys(f: Features, df: Counter[str]) -> list[str]:
    """What proposes a story for an article: its rarer actors, and its heaviest words
    (two reports of a tobacco case whose only actor is the United States; "Jet Airways"
    named "Jets IPO" in one report)."""
    actors = [k for k in f.actors.weights if df[k] <= COMMON]
    return actors + [f"w:{w}" for w in _settling_keys(f)[:BLOCKING_WORDS] if df[f"w:{w}"] <= COMMON]


def group(
    feats: list[Features],
    named_by_editor: dict[str, str] | None = None,
    join: Iterable[tuple[str, str]] = (),
    apart: Iterable[tuple[str, str]] = (),
) -> list[list[str]]:
    """The stories (lists of explainer slugs, in the order told) of every article.
    `named_by_editor`: an article's `story:` metadata; `join`, `apart`: corpus.yml's."""
    named_by_editor = named_by_editor or {}
    kept_apart: dict[str, set[str]] = defaultdict(set)
    for a, b in apart:
        kept_apart[a].add(b)
        kept_apart[b].add(a)
    stories: list[_Story] = []
    proposed: dict[str, list[int]] = defaultdict(list)  # blocking key -> stories it proposes
    by_name: dict[str, int] = {}
    df = Counter(k for f in feats for k in f.actors.weights)
    df.update(f"w:{w}" for f in feats for w in f.words.weights)
    for f in sorted(feats, key=lambda f: (f.day or date.min, f.slug)):
        name = named_by_editor.get(f.slug)
        keys = _blocking_keys(f, df)
        if name == OWN:
            chosen = None
        elif name is not None:
            chosen = by_name.get(name)
        else:
            chosen = _best_story(
                f, stories, {i for k in keys for i in proposed[k]}, kept_apart, one_actor=True
            )
        if chosen is None:
            stories.append(_Story(closed=name == OWN, named=name is not None))
            chosen = len(stories) - 1
        if name and name != OWN:
            by_name.setdefault(name, chosen)
        _add(stories[chosen], f)
        for k in keys:
            if chosen not in proposed[k]:
                proposed[k].append(chosen)
    merged = _merged(stories, proposed, kept_apart) if MERGE else [s.members for s in stories]
    by_slug = {f.slug: f for f in feats}
    if SETTLE:
        merged = _settled(merged, by_slug, named_by_editor, kept_apart)
    if NAMED_AFTER:
        merged = [part for members in merged for part in _named_apart(members, by_slug, named_by_editor)]
    return _joined(merged, join)


def _settled(
    groups: list[list[str]],
    feats: dict[str, Features],
    named_by_editor: dict[str, str],
    apart: dict[str, set[str]],
) -> list[list[str]]:
    """A last look for the articles left alone: one read before the other reports of its
    story (undated articles are read in name order), or whose actors are all too common
    to propose one, joins the story it is now most like, among those its heaviest words
    propose."""
    stories: dict[int, _Story] = {}
    proposed: dict[str, set[int]] = defaultdict(set)
    for i, members in enumerate(groups):
        if len(members) == 1 or any(m in named_by_editor for m in members):
            continue
        stories[i] = story = _Story()
        for m in members:
            _add(story, feats[m])
            for key in _settling_keys(feats[m]):
                proposed[key].add(i)
    joins: dict[int, list[str]] = defaultdict(list)
    for members in groups:
        if len(members) > 1 or members[0] in named_by_editor:
            continue
        f = feats[members[0]]
        best = _best_story(f, stories, {i for key in _settling_keys(f) for i in proposed[key]}, apart, SETTLE)
        if best is not None:
            joins[best].append(f.slug)
    moved = {slug for slugs in joins.values() for slug in slugs}
    told = {slug: (f.day or date.min, slug) for slug, f in feats.items()}
    return [
        sorted([*members, *joins[i]], key=told.__getitem__) if joins[i] else members
        for i, members in enumerate(groups)
        if not set(members) <= moved
    ]


def _settling_keys(f: Features) -> list[str]:
    """An article's heaviest words: its actors proposed what they could in the first pass."""
    return [w for w, _ in sorted(f.words.weights.items(), key=lambda kv: (-kv[1], kv[0]))[:SETTLE_WORDS]]


def _named_apart(
    members: list[str], feats: dict[str, Features], named_by_editor: dict[str, str]
) -> list[list[str]]:
    """A story most of whose headlines share a word (its name: "Oscar") keeps the
    articles whose headline has it, and those whose words are close to theirs: a Bafta
    report that mentions the Oscars is not the Oscars story, and stands alone. A big
    story whose headlines hardly share a word is told again, more strictly."""
    if len(members) < NAMED_AFTER or any(m in named_by_editor for m in members):
        return [members]
    counts = Counter(w for m in members for w in feats[m].headline)
    top = max(counts.values(), default=0)
    name = {w for w, c in counts.items() if c * 2 > len(members) and c == top}
    if not name and max(counts.values(), default=0) <= UNNAMED_SHARE * len(members):
        return _reclustered(members, feats)
    if not name:
        return [members]
    core = _Story()
    for m in members:
        if feats[m].headline & name:
            _add(core, feats[m])
    apart = [
        m
        for m in members
        if not feats[m].headline & name and _likeness(feats[m].actors, feats[m].words, core) < KEEP_UNNAMED
    ]
    return [[m for m in members if m not in apart]] + [[m] for m in apart]


def _reclustered(members: list[str], feats: dict[str, Features]) -> list[list[str]]:
    """A big story no headline word names, told again with a stricter likeness: the
    reports that grew it one by one (an election campaign's speeches) may each be like
    the whole and not like one another."""
    parts: list[_Story] = []
    for m in members:
        f = feats[m]
        best = _best_story(f, parts, range(len(parts)), {}, SPLIT)
        if best is None:
            parts.append(_Story())
            best = len(parts) - 1
        _add(parts[best], f)
    return [p.members for p in parts]


class _Unions:
    """Groups of explainers made one pair by pair; a group made of several keeps the
    place of the first of them, so the stories keep the order they were told in."""

    def __init__(self, groups: list[list[str]]):
        self.groups = groups
        self.parent = list(range(len(groups)))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            i = self.parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        self.parent[max(ri, rj)] = min(ri, rj)

    def merged(self) -> list[list[str]]:
        out: dict[int, list[str]] = defaultdict(list)
        for i, members in enumerate(self.groups):
            out[self.find(i)].extend(members)
        return list(out.values())


def _silent_between(a: _Story, b: _Story) -> bool:
    """Whether two dated stories lie further apart than a long silence."""
    if not (a.first_day and a.last_day and b.first_day and b.last_day):
        return False
    gap = max((a.first_day - b.last_day).days, (b.first_day - a.last_day).days)
    return gap > SILENCE_DAYS


def _merged(
    stories: list[_Story], proposed: dict[str, list[int]], apart: dict[str, set[str]]
) -> list[list[str]]:
    """A second look: two stories as alike as an article and its story are one (a story
    whose first reports were told in other words than its later ones)."""
    unions = _Unions([s.members for s in stories])
    neighbours: dict[int, set[int]] = defaultdict(set)
    for ids in proposed.values():
        for i in ids:
            neighbours[i].update(j for j in ids if j < i)
    for i in range(len(stories)):
        a = stories[i]
        if a.closed or a.named:
            continue
        for j in sorted(neighbours[i]):
            b = stories[j]
            if b.closed or b.named or unions.find(i) == unions.find(j) or _silent_between(a, b):
                continue
            if apart and any(m in apart and apart[m].intersection(b.members) for m in a.members):
                continue
            if _share_an_actor(a.actors, b.actors) and _likeness(a.actors, a.words, b) > MERGE:
                unions.join(i, j)
    return unions.merged()


def _joined(groups: list[list[str]], join: Iterable[tuple[str, str]]) -> list[list[str]]:
    """The editor's joins: the stories of two articles made one."""
    where = {slug: i for i, members in enumerate(groups) for slug in members}
    unions = _Unions(groups)
    for a, b in join:
        if a in where and b in where:
            unions.join(where[a], where[b])
    return unions.merged()


def _shingles(d: Dossier, n: int = 5) -> set[tuple[str, ...]]:
    tokens = _WORD.findall(" ".join(s.text for s in d.sentences).lower())
    return {tuple(tokens[i : i + n]) for i in range(max(0, len(tokens) - n + 1))}


def _shared_runs(a: set[tuple[str, ...]], b: set[tuple[str, ...]]) -> float:
    """The share of two reports' five-word runs they have in common (Jaccard)."""
    return len(a & b) / len(a | b) if a and b else 0.0


def _copies_together(
    groups: list[list[str]],
    by_slug: dict[str, Dossier],
    named_by_editor: dict[str, str],
    apart: Iterable[tuple[str, str]],
) -> list[list[str]]:
    """Two reports of one event that the grouping left apart: the same report filed
    twice (the same first sentence and five-word runs mostly shared), or two versions
    under one headline (a fifth of their runs shared). Candidates are only the
    articles that share a headline or a first sentence."""
    kept_apart = {frozenset(pair) for pair in apart}
    alike: dict[tuple[str, str], list[str]] = defaultdict(list)
    for slug in sorted(by_slug):
        d = by_slug[slug]
        if slug not in named_by_editor:
            alike[("title", d.title.strip().lower())].append(slug)
            if d.sentences:
                alike[("lede", d.sentences[0].text.strip().lower())].append(slug)
    where = {slug: i for i, members in enumerate(groups) for slug in members}
    unions = _Unions(groups)

    @cache
    def runs(slug: str) -> set[tuple[str, ...]]:
        return _shingles(by_slug[slug])

    for (how, _), slugs in sorted(alike.items()):
        for i, a in enumerate(slugs):
            for b in slugs[i + 1 :]:
                if unions.find(where[a]) == unions.find(where[b]) or frozenset((a, b)) in kept_apart:
                    continue
                if _shared_runs(runs(a), runs(b)) >= (DUPLICATE if how == "lede" else SAME_HEADLINE):
                    unions.join(where[a], where[b])
    return unions.merged()


def copies_in(members: list[Dossier], ledes: list[Vector] | None = None) -> dict[str, str]:
    """Reports of one story filed twice: each later copy -> the first report it repeats.
    `ledes`: the reports' headline and lede words; two reports whose ledes are far apart
    are not compared word by word."""
    shingles: dict[int, set[tuple[str, ...]]] = {}

    def runs(i: int) -> set[tuple[str, ...]]:
        if i not in shingles:
            shingles[i] = _shingles(members[i])
        return shingles[i]

    copies: dict[str, str] = {}
    for j in range(len(members)):
        for i in range(j):
            if members[i].slug in copies or (ledes and ledes[i].cosine(ledes[j]) < COPY_LEDE):
                continue
            if _shared_runs(runs(i), runs(j)) >= DUPLICATE:
                copies[members[j].slug] = members[i].slug
                break
    return copies


def detect(
    dossiers: list[Dossier],
    identities: Identities,
    join: Iterable[tuple[str, str]] = (),
    apart: Iterable[tuple[str, str]] = (),
    main: dict[str, set[str]] | None = None,
) -> list[StoryGroup]:
    """Every story, one-article stories included, each with the reports filed twice.
    `main`: each article's main actors, if known."""
    by_slug = {d.slug: d for d in dossiers}
    named_by_editor = {d.slug: d.story for d in dossiers if d.story}
    feats = features(dossiers, identities, main)
    actors = {f.slug: f.actors.weights.keys() for f in feats}
    words = {f.slug: f.words for f in feats}
    apart = list(apart)
    grouped = _copies_together(group(feats, named_by_editor, join, apart), by_slug, named_by_editor, apart)
    out = []
    for members in grouped:
        told = [by_slug[s] for s in members]
        copies = copies_in(told, [words[m] for m in members]) if len(told) > 1 else {}
        out.append(StoryGroup(tuple(members), copies, frozenset(k for m in members for k in actors[m])))
    return out
