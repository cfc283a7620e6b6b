"""Parse stage: metadata, sidecars, fallbacks and every kind of bad input."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.errors import SeedError
from generator.seeds import MAX_TEXT_BYTES, fallback_title, read_seed
from generator.slugs import SLUG_RE
from tests.conftest import SEED


def write(tmp_path: Path, name: str, data: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def test_real_seed_with_sidecar() -> None:
    seed = read_seed(SEED)
    assert seed.slug == "000_ed7684f39ec5ab6e"
    assert seed.date == dt.date(2025, 12, 1)
    assert seed.title.startswith("India weighs")
    assert seed.text.startswith("As President Vladimir Putin")
    assert not seed.text.endswith("\n")  # trailing blank lines dropped
    assert "’" in seed.text  # curly quotes survive


def test_markdown_front_matter(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "a.md",
        "---\ntitle: Pipeline talks\ndate: 2026-03-02\ntags: [energy]\n"
        "slug: pipeline-talks\nurl: https://example.org/x\n---\n\nGazprom said so.\n",
    )
    seed = read_seed(path)
    assert (seed.title, seed.slug, seed.tags, seed.url) == (
        "Pipeline talks",
        "pipeline-talks",
        ("energy",),
        "https://example.org/x",
    )
    assert seed.date == dt.date(2026, 3, 2)
    assert seed.text == "Gazprom said so."


def test_title_falls_back_to_first_sentence(tmp_path: Path) -> None:
    seed = read_seed(write(tmp_path, "b.txt", "Oil prices rose sharply on Monday. Traders were nervous.\n"))
    assert seed.title == "Oil prices rose sharply on Monday"
    assert seed.title_from_text
    long = fallback_title("word " * 60 + ".")
    assert len(long) <= 91 and long.endswith("…")


def test_a_line_alone_above_the_story_is_its_headline(tmp_path: Path) -> None:
    # The BBC News corpus's form: headline, blank line, story (Latin-1, pound sign 0xA3).
    text = (
        "Harbour plans ferry fare rise\n\nFerry fares are to rise by \xa32 from April, the operator said.\n"
    )
    seed = read_seed(write(tmp_path, "ferry.txt", text.encode("latin-1")))
    assert seed.title == "Harbour plans ferry fare rise" and not seed.title_from_text
    assert seed.text.startswith("Ferry fares are to rise by £2")  # the headline is not the lede
    # An editor's title wins, and the headline still stays out of the story.
    (tmp_path / "ferry.yml").write_text("title: Fares up\n")
    seed = read_seed(tmp_path / "ferry.txt")
    assert seed.title == "Fares up" and seed.text.startswith("Ferry fares")
    heading = read_seed(write(tmp_path, "h.md", "# Port strike ends\n\nDockers went back to work.\n"))
    assert heading.title == "Port strike ends" and heading.text == "Dockers went back to work."


def test_a_first_sentence_alone_on_its_line_is_not_a_headline(tmp_path: Path) -> None:
    text = "Smith told the committee the budget would not pass.\n\nJones disagreed.\n"
    seed = read_seed(write(tmp_path, "s.txt", text))
    assert seed.title == "Smith told the committee the budget would not pass" and seed.title_from_text
    assert seed.text.startswith("Smith told")
    # Nothing after it: the line is the whole article, not a headline.
    assert read_seed(write(tmp_path, "one.txt", "Markets closed higher\n")).text == "Markets closed higher"


def test_date_absent_stays_none(tmp_path: Path) -> None:
    assert read_seed(write(tmp_path, "c.txt", "Something happened.")).date is None


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "file is empty"),
        ("blank.txt", b"   \n\t\n  ", "file is empty"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
        ("meta-only.md", "---\ntitle: T\n---\n\n   \n", "no article text"),
        ("bad-date.md", "---\ndate: next week\n---\nText.", "'date': 'next week' is not a date"),
        ("js-url.md", "---\nurl: javascript:alert(1)\n---\nText.", "http(s) address"),
        ("bad-slug.md", "---\nslug: ../../etc\n---\nText.", "not a safe slug"),
        ("abs-slug.md", "---\nslug: /tmp/x\n---\nText.", "not a safe slug"),
        ("list-meta.md", "---\n- a\n- b\n---\nText.", "must be a mapping"),
        ("unclosed.md", "---\ntitle: x\nText.", "never closed"),
        ("pdf.pdf", b"%PDF", "unsupported seed type"),
    ],
)
def test_bad_input_is_a_clear_error(tmp_path: Path, name: str, data: str | bytes, message: str) -> None:
    path = write(tmp_path, name, data)
    with pytest.raises(SeedError) as err:
        read_seed(path)
    assert message in str(err.value)
    assert str(path) in str(err.value)


def test_malformed_yaml_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, "y.md", "---\ntitle: ok\ntags: [a, b\nsource: x\n---\nText.")
    with pytest.raises(SeedError) as err:
        read_seed(path)
    assert err.value.line is not None and err.value.line >= 3
    assert f"{path}:{err.value.line}: malformed YAML" in str(err.value)


def test_malformed_sidecar_names_the_sidecar(tmp_path: Path) -> None:
    write(tmp_path, "s.txt", "Text.")
    side = write(tmp_path, "s.yml", "title: [unclosed\n")
    with pytest.raises(SeedError) as err:
        read_seed(tmp_path / "s.txt")
    assert str(side) in str(err.value)


def test_unknown_key_is_a_warning(tmp_path: Path) -> None:
    seed = read_seed(write(tmp_path, "w.md", "---\ntitel: Typo\n---\nText."))
    assert any("unknown key 'titel'" in w for w in seed.warnings)


def test_legacy_encoding_is_decoded(tmp_path: Path) -> None:
    seed = read_seed(write(tmp_path, "l.txt", "Caf\u00e9 \u201cquoted\u201d.".encode("cp1252")))
    assert seed.text == "Café “quoted”."


def test_undecodable_bytes_named(tmp_path: Path) -> None:
    # 0x81 is undefined in Windows-1252 and invalid as UTF-8.
    path = write(tmp_path, "u.txt", b"Line one.\nBad \x81 byte.")
    with pytest.raises(SeedError) as err:
        read_seed(path)
    assert "byte 0x81 at offset 14" in str(err.value) and err.value.line == 2


def test_oversized_seed_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "big.txt", b"word " * (MAX_TEXT_BYTES // 5 + 10))
    with pytest.raises(SeedError, match="limited to"):
        read_seed(path)


def test_file_name_without_letters_gets_a_stable_hash_slug(tmp_path: Path) -> None:
    path = write(tmp_path, "---.txt", "Text.")
    slug = read_seed(path).slug
    assert SLUG_RE.match(slug) and slug.startswith("article-") and slug == read_seed(path).slug
