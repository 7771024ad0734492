import gzip

import pytest

from pressparse.readers import read_document
from pressparse.readers.text import InputError, decode, expand, gunzip

PAGE = "Le Haut-Commissariat a annoncé l’ouverture d’un centre à Niamey – « un pas décisif »."


@pytest.mark.parametrize(
    "data",
    [
        PAGE.encode("utf-8"),
        b"\xef\xbb\xbf" + PAGE.encode("utf-8"),
        PAGE.encode("utf-16"),
        PAGE.encode("utf-16-be"),
        PAGE.encode("cp1252"),
    ],
    ids=["utf-8", "utf-8 with BOM", "utf-16 with BOM", "utf-16-be", "cp1252"],
)
def test_encodings_are_detected(data):
    assert decode(data).lstrip("\ufeff") == PAGE


def test_latin1_without_curly_quotes():
    text = "Déclaration de l'Agence à Genève, réunion des délégués européens sur la sécurité."
    assert decode(text.encode("latin-1")) == text


@pytest.mark.parametrize(
    "data, reason",
    [(b"", "empty file"), (b" \n\t \r\n", "blank file"), (bytes(range(256)) * 8, "binary file")],
)
def test_bad_bytes_say_what_is_wrong(data, reason):
    with pytest.raises(InputError, match=reason):
        decode(data)


def test_expand_directories_files_stdin_and_missing(tmp_path):
    (tmp_path / "b.txt").write_text("x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("x")
    (tmp_path / "notes.md").write_text("x")
    inputs, errors = expand([str(tmp_path), "-", str(tmp_path / "nope.txt")])
    assert [i.source for i in inputs] == [str(tmp_path / "b.txt"), str(tmp_path / "sub" / "a.txt"), "-"]
    assert errors == [(str(tmp_path / "nope.txt"), "no such file or directory")]


def test_directory_pages_in_path_order_without_entering_linked_folders(tmp_path):
    # Path order, not string order: "a/b.txt" comes before "a-c.txt" although "-" sorts before "/".
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "b.txt").write_text("x")
    (tmp_path / "a-c.txt").write_text("x")
    (tmp_path / "A.txt").write_text("x")
    (tmp_path / "folder.txt").mkdir()  # a folder named like a page is not a page
    (tmp_path / "linked").symlink_to(tmp_path / "a", target_is_directory=True)
    inputs, errors = expand([f"{tmp_path}/./"])
    assert [i.source for i in inputs] == [str(tmp_path / name) for name in ("A.txt", "a/b.txt", "a-c.txt")]
    assert errors == []


HTML_PAGE = (
    "<!doctype html><html lang='fr'><head><title>Un centre ouvre à Niamey | Agence</title></head><body>"
    f"<nav><a href='/'>Accueil</a></nav><h1>Un centre ouvre à Niamey</h1><p>{PAGE}</p></body></html>"
)


def test_gzipped_pages_are_read_as_the_pages_they_hold(tmp_path):
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(PAGE.encode("utf-8")))
    (tmp_path / "b.html.gz").write_bytes(gzip.compress(HTML_PAGE.encode("utf-8")))
    (tmp_path / "c.gz").write_bytes(gzip.compress(b"not named as a page"))  # a folder gives pages only
    inputs, errors = expand([str(tmp_path)])
    assert [item.source for item in inputs] == [str(tmp_path / "a.txt.gz"), str(tmp_path / "b.html.gz")]
    text, html = (read_document(item) for item in inputs)
    assert (text.text, text.hints) == (PAGE, None)
    assert html.hints is not None and html.hints.titles  # rendered as HTML: its name without ".gz" says so
    assert "Accueil" not in html.text.split("\n")[-1]


def _damaged(data: bytes) -> bytes:
    return data[:-8] + bytes([data[-8] ^ 1]) + data[-7:]  # one bit of the checksum flipped


def test_gzip_members_are_read_one_after_the_other():
    assert gunzip(gzip.compress(b"first, ") + gzip.compress(b"second")) == b"first, second"


@pytest.mark.parametrize(
    "data, max_bytes, reason",
    [
        (gzip.compress(PAGE.encode("utf-8"))[:-12], 0, "gzip data cut short"),
        (_damaged(gzip.compress(PAGE.encode("utf-8"))), 0, "damaged gzip data: .*incorrect data check"),
        (gzip.compress(b" " * 10_000_000), 1_000_000, "page too large: more than 1,000,000 bytes"),
    ],
    ids=["cut short", "damaged", "inflates past the limit"],
)
def test_bad_gzip_data_says_what_is_wrong(data, max_bytes, reason):
    with pytest.raises(InputError, match=reason):
        gunzip(data, max_bytes)
