"""Craft named the way their makers and operators name them: a ship's prefix ("USS Gerald
R. Ford", "HMS Queen Elizabeth"), an aircraft or car maker and its model ("Boeing's 787-9
Dreamliner", "Airbus A350-900", "Subaru Impreza", "Vauxhall Astra GSI"), a flight
("Ethiopian Airlines Flight 302")."""

from __future__ import annotations

import re

from .systems import SystemSpan, _capital
from .text import Text, clean

SHIP_PREFIXES = {
    "USS",
    "USNS",
    "HMS",
    "HMAS",
    "HMCS",
    "HMNZS",
    "INS",
    "RFS",
    "PLANS",
    "FS",
    "ROKS",
    "JS",
    "TCG",
}
AIRCRAFT_MAKERS = {
    "Boeing", "Airbus", "Embraer", "Bombardier", "Comac", "COMAC", "Cessna", "Gulfstream", "Dassault",
    "Antonov", "Tupolev", "Ilyushin", "ATR", "Sukhoi", "Mitsubishi", "Pilatus", "Textron",
}  # fmt: skip
MODEL_RE = re.compile(r"^[A-Z]{0,3}-?\d{2,4}[A-Za-z]{0,3}(?:-\d{1,4}[A-Za-z]{0,3})?$")
MODEL_WORDS = {"Max", "MAX", "neo", "Dreamliner", "XWB", "ER", "LR", "Freighter"}
CAR_MAKERS = {
    "Toyota", "Ford", "Vauxhall", "Subaru", "Morris", "Honda", "Nissan", "BMW", "Audi", "Volkswagen", "VW",
    "Renault", "Peugeot", "Citroen", "Fiat", "Mercedes", "Porsche", "Jaguar", "Rover", "Hyundai", "Kia",
    "Mazda", "Volvo", "Saab", "Skoda", "Lexus", "Chevrolet", "Tesla", "Opel", "Suzuki", "Daewoo", "Proton",
}  # fmt: skip
# Marques and makers' words: a name made only of them is who makes a car, not the car
# ("Mercedes Benz", "Opel and Vauxhall cars", "the Maserati car company").
CAR_BRANDS = CAR_MAKERS | {
    "Benz", "Maserati", "Ferrari", "Lamborghini", "Bentley", "Rolls-Royce", "Jeep", "Chrysler", "Dodge",
    "Cadillac", "Buick", "Acura", "Infiniti", "Alfa", "Romeo", "Lancia", "Mini", "Smart", "Seat", "Dacia",
    "Land", "Range", "MG", "Aston", "Martin", "Lotus", "Daimler", "DaimlerChrysler", "GM", "Mitsubishi",
    "Auto", "Automobiles", "and", "-",
}  # fmt: skip
# Words after a car maker's name that make it the company's, or its team's, not a model's.
NOT_MODELS = {
    "Motor", "Motors", "Company", "Group", "Corporation", "Corp", "UK", "Europe", "America", "Japan",
    "Credit", "Financial", "Racing", "F1", "Team", "Motorsport", "Sauber", "Williams", "Cars", "Holdings",
    "AG", "SA", "Plc", "plc", "Inc", "Ltd", "GmbH", "Foundation", "Trust", "Park", "Centre", "Center",
    "Sport", "Performance", "Dealers", "Dealer", "North", "South", "East", "West", *CAR_BRANDS,
}  # fmt: skip


# Words of a sentence about cars, where a car maker's name and a capitalised word are a model.
CAR_WORDS = {
    "car", "cars", "model", "models", "vehicle", "vehicles", "suv", "suvs", "hatchback", "saloon", "sedan",
    "drive", "driver", "drivers", "driving", "engine", "brand", "marque", "motoring", "pickup", "truck",
    "carmaker", "rally", "road", "gearbox", "wheel", "coupe", "convertible", "estate", "mph", "recall",
}  # fmt: skip


# Words only an article about cars uses twice.
CARS = {
    "car",
    "cars",
    "vehicle",
    "vehicles",
    "suv",
    "suvs",
    "hatchback",
    "saloon",
    "sedan",
    "carmaker",
    "motoring",
}


def makers_only(t: Text, first: int, end: int) -> bool:
    """Whether the words first:end name only who makes a car ("Opel and Vauxhall")."""
    return all(w.text in CAR_BRANDS or w.ent_type_ == "ORG" for w in t.doc[first:end])


def vehicles(t: Text, firm: set[int]) -> list[SystemSpan]:
    return _ships(t) + _aircraft(t, firm) + _cars(t, firm) + _models_of_a_maker(t, firm) + _flights(t)


def _ships(t: Text) -> list[SystemSpan]:
    found = []
    doc = t.doc
    for token in t.tokens:
        if token.text not in SHIP_PREFIXES or token.i + 1 >= len(doc) or not _capital(t, token.i + 1):
            continue
        end = token.i + 1
        while end < len(doc) and (doc[end].text[:1].isupper() or re.fullmatch(r"[A-Z]\.", doc[end].text)):
            end += 1
        found.append(SystemSpan(token.i, end, clean(doc[token.i : end].text), "ship"))
    return found


def _aircraft(t: Text, firm: set[int]) -> list[SystemSpan]:
    """ "Boeing 787-9", "Boeing's 787-9 Dreamliner", "Airbus A350-900" (not in the packs)."""
    found = []
    doc = t.doc
    for token in t.tokens:
        if token.text not in AIRCRAFT_MAKERS:
            continue
        i = token.i + 1
        if i < len(doc) and doc[i].text in ("'s", "’s"):
            i += 1
        if i >= len(doc) or i in firm or not MODEL_RE.match(doc[i].text):
            continue
        end = i + 1
        if (
            end + 1 < len(doc)
            and doc[end].text == "-"
            and re.fullmatch(r"[A-Za-z]{0,2}\d{1,4}[A-Za-z]{0,3}", doc[end + 1].text)
        ):
            end += 2  # "787-9" and "E195-E2" are three tokens
        while end < len(doc) and doc[end].text in MODEL_WORDS:
            end += 1
        model = clean(doc[i:end].text)
        found.append(SystemSpan(token.i, end, f"{token.text} {model}", "aircraft"))
    return found


def _flights(t: Text) -> list[SystemSpan]:
    found = []
    doc = t.doc
    for token in t.tokens:
        nxt = token.i + 1
        if token.text != "Flight" or nxt >= len(doc) or not re.fullmatch(r"[A-Z]{0,3}\d{1,5}", doc[nxt].text):
            continue
        first = token.i
        while first - 1 >= 0 and doc[first - 1].ent_type_ == "ORG" and _capital(t, first - 1):
            first -= 1  # "Ethiopian Airlines Flight 302"
        found.append(SystemSpan(first, nxt + 1, clean(doc[first : nxt + 1].text), "flight"))
    return found


def _cars(t: Text, firm: set[int]) -> list[SystemSpan]:
    """ "Subaru Impreza", "Vauxhall Astra GSI": a car maker, then its model's own name."""
    found: list[SystemSpan] = []
    doc = t.doc
    if not any(w.text in CAR_MAKERS for w in t.tokens):
        return found
    about_cars = sum(w.lower_ in CARS for w in t.tokens) >= 2
    for token in t.tokens:
        end = token.i + 1
        if token.text not in CAR_MAKERS or end >= len(doc) or token.whitespace_ != " ":
            continue
        while (
            end < len(doc) and end not in firm and doc[end].tag_ == "NNP" and doc[end].text not in NOT_MODELS
        ):
            if not (_capital(t, end) or doc[end].text[:1].isdigit()):
                break
            end += 1
        model = doc[token.i + 1 : end]
        after = doc[end - 1].idx + len(doc[end - 1].text)
        if re.match(r"[.-]\w", t.raw[after : after + 2]):
            continue  # "VW ID.4": the model's name runs on past what the words here show
        if not ({w.lower_ for w in token.sent} & CAR_WORDS or about_cars):
            continue  # "the Toyota Music Factory": a maker's name, no car in sight
        if not len(model) or any(
            e.label_ in ("PERSON", "GPE", "DATE") and e.start < end and token.i < e.end for e in doc.ents
        ):
            continue
        found.append(SystemSpan(token.i, end, clean(doc[token.i : end].text), "car"))
    return found


def _models_of_a_maker(t: Text, firm: set[int]) -> list[SystemSpan]:
    """ "Ford … unveiling the Fusion and Zephyr models": names before "model(s)", in a
    sentence that names a car maker, are its cars."""
    found: list[SystemSpan] = []
    doc = t.doc
    for token in t.tokens:
        if token.lower_ not in ("model", "models") or not any(w.text in CAR_MAKERS for w in token.sent):
            continue
        names: list[tuple[int, int]] = []
        end = token.i
        while end > token.sent.start:
            first = end
            while first > token.sent.start and first - 1 not in firm and _capital(t, first - 1):
                first -= 1
            if first == end or doc[first].text in CAR_MAKERS or doc[first].is_sent_start:
                break
            names.append((first, end))
            joint = doc[first - 1].lower_ if first > 0 else ""
            if joint not in ("and", ","):
                break
            end = first - 1
        opened = names and doc[names[-1][0] - 1].lower_ in ("the", "its", "new")
        if opened and (token.lower_ == "models" or len(names) == 1):
            found += [SystemSpan(a, b, clean(doc[a:b].text), "car") for a, b in names]
    return found
