"""Which language a seed is written in: the analysis reads English only.

py3langid (the model ships in its wheel) names the language of a long text
reliably; on a short one its guess is weak, so a short text is refused only
when most of its letters are outside the Latin script. An editor who knows
better sets `language: en` in the seed's metadata.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

from .errors import SeedError

SAMPLE_CHARS = 2000  # enough for a sure answer; the rest of a long article adds only time
MIN_LETTERS = 200  # below this, py3langid's answer is not trusted on its own
MAX_ENGLISH_TO_REFUSE = 0.05  # refuse a long text only when English is this unlikely


@functools.cache
def _identifier() -> Any:
    try:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier
    except ImportError:
        raise SeedError(
            "cannot tell the article's language: the Python package 'py3langid' is missing "
            "(install it with: pip install py3langid)"
        ) from None
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def language_name(code: str) -> str:
    """ "ru" -> "Russian" (Babel's English names), or the code itself."""
    try:
        from babel import Locale, UnknownLocaleError

        try:
            return str(Locale.parse(code).get_display_name("en") or code)
        except (UnknownLocaleError, ValueError):
            return code
    except ImportError:
        return code


_LETTER = re.compile(r"[^\W\d_]")


def _latin_share(text: str) -> tuple[int, float]:
    letters = _LETTER.findall(text)
    if not letters:
        return 0, 1.0
    # Basic Latin to Latin Extended-B, and Latin Extended Additional (Vietnamese).
    latin = sum(1 for ch in letters if ch < "\u0250" or "\u1e00" <= ch <= "\u1eff")
    return len(letters), latin / len(letters)


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the text's language, or None when it is not clear enough
    to refuse an article over (short texts in the Latin script)."""
    sample = text[:SAMPLE_CHARS]
    letters, latin = _latin_share(sample)
    if letters == 0:
        return None
    ranked = _identifier().rank(sample)
    code = str(ranked[0][0])
    if latin < 0.5:
        # Mostly another script: not English, whatever the length.
        return code if code != "en" else "und"
    if letters < MIN_LETTERS:
        return None
    # The chance of English, not the top guess's confidence: an Indonesian page can
    # be 81% Indonesian and 19% Malay, yet 0% English (measured on the benchmark's
    # pages: every non-English page below 0.001, every English page above 0.6).
    english = dict(ranked).get("en", 0.0)
    return "en" if english >= MAX_ENGLISH_TO_REFUSE else code


def require_english(text: str, declared: str | None, path: Path) -> None:
    """Refuse an article that is not in English, naming its language."""
    hint = "set `language: en` in its metadata to force"
    if declared is not None:
        if declared != "en":
            raise SeedError(
                f"seed is marked as {language_name(declared)} ({declared}); only English is analysed",
                path,
            )
        return
    code = detect_language(text)
    if code is None or code == "en":
        return
    if code == "und":
        raise SeedError(f"seed is not in English (most of its letters are not Latin script); {hint}", path)
    raise SeedError(f"seed is in {language_name(code)} ({code}); only English is analysed — {hint}", path)
