"""Small hand-written dossiers for the corpus layer's tests: what the analysis would
hand over for a few articles, without running it."""

from __future__ import annotations

from generator.dossier import Dossier, Sentence, Stakeholder, Statement, System


def person(name: str, *aliases: str, role: str | None = None, kind: str = "person") -> Stakeholder:
    return Stakeholder(name, kind, role=role, aliases=list(aliases), known=False)


def org(name: str, *aliases: str, role: str | None = None, kind: str = "organization") -> Stakeholder:
    return Stakeholder(name, kind, role=role, aliases=list(aliases), known=False)


def dossier(
    slug: str,
    *named: Stakeholder | System,
    title: str = "",
    date: str | None = None,
    brief: tuple[str, ...] = ("s1",),
) -> Dossier:
    """A dossier naming each stakeholder or system in its own sentence (s1, s2, …), the
    first named in the In brief."""
    sentences = [Sentence(f"s{i + 1}", f"{item.name} was in the news.") for i, item in enumerate(named)]
    for i, item in enumerate(named):
        item.sentences = [f"s{i + 1}"]
    stakeholders = [i for i in named if isinstance(i, Stakeholder)]
    systems = [i for i in named if isinstance(i, System)]
    return Dossier(
        slug=slug,
        title=title or f"Story {slug}",
        date=date,
        sentences=sentences or [Sentence("s1", "Nothing happened.")],
        stakeholders=stakeholders,
        systems=systems,
        brief=[Statement(sentences[0].text, list(brief))] if sentences else [],
        seed_file=f"{slug}.txt",
    )
