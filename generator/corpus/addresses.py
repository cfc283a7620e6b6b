"""Entity page addresses that stay put while the corpus grows.

A new entity's page takes a slug of its name. From then on the address is the
entity's: a later article that gives a fuller name ("Blair" becomes "Tony Blair") does
not rename the page. When two entities with pages turn out to be one (a merge), the
page keeps the older address and the other redirects to it.

The record of every address given is `.explainer-addresses.json` beside `mkdocs.yml`
(commit it with the site): the identity keys each address has stood for, in the order
the addresses were given, and the retired ones with where they now lead.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ExplainerError
from ..slugs import unique_slug

FILE_NAME = ".explainer-addresses.json"


@dataclass(frozen=True)
class Claimant:
    """An entity that gets a page: where (section), its name, its identity keys."""

    ref: str  # the entity's key, one of `keys`
    section: str  # "stakeholders" | "systems"
    name: str
    keys: frozenset[str]


@dataclass
class AddressBook:
    pages: dict[str, list[str]] = field(default_factory=dict)  # "stakeholders/x" -> keys, in order given
    moved: dict[str, str] = field(default_factory=dict)  # retired address -> current address

    def to_json(self) -> str:
        data = {"pages": self.pages, "moved": dict(sorted(self.moved.items()))}
        return json.dumps(data, indent=1, ensure_ascii=False) + "\n"


def load_book(path: Path) -> AddressBook:
    if not path.is_file():
        return AddressBook()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        pages = {str(k): [str(x) for x in v] for k, v in data["pages"].items()}
        moved = {str(k): str(v) for k, v in data.get("moved", {}).items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        raise ExplainerError(
            "the record of entity page addresses is damaged; restore it from git (deleting it gives "
            "every entity page a new address)",
            path,
        ) from None
    return AddressBook(pages, moved)


def _owner(keys: list[str], claimants: list[Claimant]) -> Claimant:
    """Of the entities claiming one address, the one it was first given to (its key is
    the address's first); else one that went by that entity's names; else the one
    sharing most keys with it."""
    for test in (lambda c: c.ref == keys[0], lambda c: keys[0] in c.keys):
        found = [c for c in claimants if keys and test(c)]
        if found:
            return found[0]
    return max(claimants, key=lambda c: (len(c.keys & set(keys)), -claimants.index(c)))


def assign(claimants: list[Claimant], book: AddressBook) -> tuple[dict[str, str], AddressBook]:
    """Each claimant's address ("stakeholders/tony-blair"), and the book to save.
    `claimants` in a fixed order (the order decides ties, so the same corpus always gets
    the same addresses)."""
    order = {address: i for i, address in enumerate(book.pages)}
    by_key: dict[str, list[str]] = {}
    for address, keys in book.pages.items():
        for key in keys:
            by_key.setdefault(key, []).append(address)
    claims: dict[str, list[Claimant]] = {}
    for c in claimants:
        for address in sorted({a for k in c.keys for a in by_key.get(k, ())}, key=order.__getitem__):
            if address.split("/", 1)[0] == c.section:
                claims.setdefault(address, []).append(c)
    held: dict[str, list[str]] = {}  # claimant ref -> addresses it keeps, oldest first
    for address in sorted(claims, key=order.__getitem__):
        owner = _owner(book.pages[address], claims[address])
        held.setdefault(owner.ref, []).append(address)
    pages = {a: list(k) for a, k in book.pages.items()}
    moved = dict(book.moved)
    used = {*pages, *moved}
    out: dict[str, str] = {}
    for c in claimants:
        mine = held.get(c.ref, [])
        if mine:
            address = mine[0]
            for retired in mine[1:]:  # a merge: one page, the other addresses lead to it
                moved[retired] = address
                del pages[retired]
        else:
            address = f"{c.section}/{unique_slug(c.name, used, c.section)}"
            used.add(address)
            pages[address] = [c.ref]  # first: whose address it is
        pages[address] += sorted(c.keys - set(pages[address]))
        out[c.ref] = address
    # A chain of moves leads to the last address; an address back in use moves nowhere.
    for retired in list(moved):
        target = moved[retired]
        while target in moved and target != retired:
            target = moved[target]
        if retired in pages or target == retired:
            del moved[retired]
        else:
            moved[retired] = target
    return out, AddressBook(pages, moved)
