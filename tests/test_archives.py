"""Web archives (WARC, WET) as input: every page record is one page of the run, damaged archives fail clearly.
The archives are built here with fastwarc's writer; the real and damaged ones of ../shared/corpora/warc are read
where they are (skipped when absent). CLI tests go through a subprocess."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from fastwarc import ArchiveIterator, GzipWriter, WarcRecord, WarcRecordType

from conftest import ROOT, SEED_003, run_cli
from pressparse.readers import InputError, archive, to_document
from pressparse.readers.text import decode

CORPUS = ROOT.parent / "shared" / "corpora" / "warc"

RELEASE = (
    "<html><head><title>{title}</title></head><body><h1>{title}</h1>"
    "<p>GENEVA, 3 May 2021 - The European Union has funded the new water programme in {place}, "
    "which will bring clean water to twenty villages over the next three years.</p>"
    "<p>The programme is carried out with the local authorities and the communities themselves, "
    "who chose where the wells will be dug.</p></body></html>"
)


def response(uri: str, body: bytes, headers: str = "Content-Type: text/html; charset=utf-8\r\n", status: str = "200 OK") -> WarcRecord:
    """A WARC response record holding an HTTP response."""
    record = WarcRecord()
    record.init_headers(WarcRecordType.response)
    record.headers["WARC-Target-URI"] = uri
    record.headers["Content-Type"] = "application/http; msgtype=response"
    record.set_bytes_content(f"HTTP/1.1 {status}\r\n{headers}\r\n".encode("latin-1") + body)
    return record


def other(kind: WarcRecordType, uri: str, content: bytes = b"GET / HTTP/1.1\r\n\r\n") -> WarcRecord:
    record = WarcRecord()
    record.init_headers(kind)
    record.headers["WARC-Target-URI"] = uri
    record.set_bytes_content(content)
    return record


def conversion(uri: str, text: str) -> WarcRecord:
    """A WET conversion record: a page's text."""
    record = WarcRecord()
    record.init_headers(WarcRecordType.conversion)
    record.headers["WARC-Target-URI"] = uri
    record.headers["Content-Type"] = "text/plain"
    record.set_bytes_content(text.encode("utf-8"))
    return record


def write_archive(path: Path, records: list[WarcRecord], one_stream: bool = False) -> Path:
    """Records into a .warc.gz: a gzip member per record (as crawlers write them), or one gzip stream."""
    with open(path, "wb") as file:
        if one_stream:
            with GzipWriter(file) as writer:
                for record in records:
                    record.write(writer)
            return path
        for record in records:
            writer = GzipWriter(file)
            record.write(writer)
            writer.finish()
    return path


def release_html(number: int, place: str) -> bytes:
    return RELEASE.format(title=f"New water programme number {number} in {place}", place=place).encode()


def page(number: int, place: str = "Niger") -> WarcRecord:
    return response(f"https://example.org/news/{number}", release_html(number, place))


def records_of(result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]


def mixed_crawl() -> list[WarcRecord]:
    """Two pages among records that are not pages: a request, metadata, an image, a redirect."""
    return [
        other(WarcRecordType.request, "https://example.org/news/1"),
        page(1),
        other(WarcRecordType.metadata, "https://example.org/news/1", b"fetchTimeMs: 12\r\n"),
        response("https://example.org/logo.png", b"\x89PNG\r\n\x1a\n\x00\x00", "Content-Type: image/png\r\n"),
        response("https://example.org/old", b"", "Location: /news/2\r\n", status="301 Moved Permanently"),
        page(2, "Mali"),
    ]


def test_each_html_response_is_a_page_named_by_archive_and_record_id(tmp_path):
    crawl = mixed_crawl()
    path = write_archive(tmp_path / "crawl.warc.gz", crawl)
    result = run_cli("extract", str(path))
    assert result.returncode == 0, result.stderr
    out = records_of(result)
    assert [r["source"] for r in out] == [f"{path}#{crawl[1].record_id}", f"{path}#{crawl[5].record_id}"]
    assert [r["url"] for r in out] == ["https://example.org/news/1", "https://example.org/news/2"]
    assert out[1]["headline"] == "New water programme number 2 in Mali"
    assert "4 archive records not pages" in result.stderr.decode()


def test_an_archive_written_as_one_gzip_stream_gives_the_same_records(tmp_path):
    def crawl() -> list[WarcRecord]:
        # A warcinfo record first: in one stream, even the first page cannot be reached by seeking.
        return [other(WarcRecordType.warcinfo, "", b"software: test\r\n"), *(page(number) for number in range(12))]

    members = write_archive(tmp_path / "a.warc.gz", crawl())
    stream = write_archive(tmp_path / "b.warc.gz", crawl(), one_stream=True)
    assert len({record.stream_pos for record in ArchiveIterator(str(stream))}) < 12  # records share offsets
    from_members, from_stream = (run_cli("extract", "--jobs", "2", str(path)) for path in (members, stream))
    assert from_members.returncode == from_stream.returncode == 0, from_stream.stderr
    assert len(records_of(from_members)) == 12
    # The same pages, whose records differ only by their archive's name and their (random) record IDs.
    assert [{**r, "source": ""} for r in records_of(from_members)] == [{**r, "source": ""} for r in records_of(from_stream)]


def test_workers_give_the_records_of_one_process(tmp_path):
    path = write_archive(tmp_path / "crawl.warc.gz", [page(number) for number in range(40)])
    alone = run_cli("extract", "--jobs", "1", str(path))
    shared = run_cli("extract", "--jobs", "2", str(path))
    assert alone.returncode == shared.returncode == 0, shared.stderr
    assert alone.stdout == shared.stdout and len(records_of(alone)) == 40


def test_wet_conversion_records_are_text_pages_read_as_the_same_text_file(tmp_path):
    text = SEED_003.read_text(encoding="utf-8")
    path = write_archive(tmp_path / "crawl.warc.wet.gz", [conversion("https://example.org/fr/1", text)])
    result = run_cli("extract", str(path))
    assert result.returncode == 0, result.stderr
    [record] = records_of(result)
    assert record["url"] == "https://example.org/fr/1"
    [as_file] = records_of(run_cli("extract", str(SEED_003)))
    assert {**record, "source": "", "url": None} == {**as_file, "source": ""}
    assert record["headline"].startswith("L’OIM aide le gouvernement libyen")


def test_a_directory_gives_its_archives_and_pages_sorted(tmp_path):
    write_archive(tmp_path / "b.warc.gz", [page(1)])
    (tmp_path / "a.txt").write_text("GENEVA – A page of text about a water programme funded by the EU.\n")
    (tmp_path / "c.warc").write_bytes(b"")  # an empty archive names no page: an error, the rest still run
    result = run_cli("extract", str(tmp_path))
    sources = [r["source"] for r in records_of(result)]
    assert sources[0] == str(tmp_path / "a.txt") and sources[1].startswith(str(tmp_path / "b.warc.gz") + "#<urn:uuid:")
    assert len(sources) == 2
    assert f"{tmp_path / 'c.warc'}: archive holds no HTML or text pages" in result.stderr.decode()
    assert result.returncode == 1


def test_one_record_is_named_by_its_source_for_extract_and_explain(tmp_path):
    crawl = [page(1), page(2, "Mali")]
    path = write_archive(tmp_path / "crawl.warc.gz", crawl)
    source = f"{path}#{crawl[1].record_id}"
    [record] = records_of(run_cli("extract", source))
    assert record["source"] == source and record["headline"] == "New water programme number 2 in Mali"
    explained = run_cli("explain", source)
    assert explained.returncode == 0, explained.stderr
    assert "New water programme number 2 in Mali" in explained.stdout.decode()
    missing = run_cli("extract", f"{path}#<urn:uuid:nothing>")
    assert missing.returncode == 1
    assert f"{path}#<urn:uuid:nothing>: no such page record in the archive" in missing.stderr.decode()


def test_a_record_without_an_id_is_named_by_its_offset(tmp_path):
    nameless = page(1)
    nameless.headers.remove("WARC-Record-ID")
    path = write_archive(tmp_path / "crawl.warc.gz", [page(0), nameless])
    result = run_cli("extract", str(path))
    assert result.returncode == 0, result.stderr
    [_, record] = records_of(result)
    offset = [record.stream_pos for record in ArchiveIterator(str(path))][1]
    assert record["source"] == f"{path}#offset {offset}" and record["url"] == "https://example.org/news/1"


def test_an_archive_on_standard_input_is_refused_with_a_clear_reason(tmp_path):
    path = write_archive(tmp_path / "crawl.warc.gz", [page(1)])
    for data in (path.read_bytes(), gzip.decompress(path.read_bytes())):
        result = run_cli("extract", "-", stdin=data)
        assert result.returncode == 1 and result.stdout == b""
        assert "pressparse: -: a web archive: give its path" in result.stderr.decode()


def test_a_warc_named_otherwise_is_known_by_its_content(tmp_path):
    path = write_archive(tmp_path / "crawl.dat", [page(7)])
    result = run_cli("extract", str(path))
    assert result.returncode == 0, result.stderr
    assert records_of(result)[0]["url"] == "https://example.org/news/7"


def test_resume_goes_on_by_record_source(tmp_path):
    path = write_archive(tmp_path / "crawl.warc.gz", [page(number) for number in range(5)])
    out = tmp_path / "out.jsonl"
    assert run_cli("extract", "-q", str(path), "-o", str(out)).returncode == 0
    whole = out.read_bytes()
    out.write_bytes(b"".join(whole.splitlines(keepends=True)[:2]))
    result = run_cli("extract", "-q", "--resume", str(path), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_bytes() == whole


def test_dedupe_merges_copies_of_a_page_across_records(tmp_path):
    crawl = [page(1), page(2), response("https://mirror.example.org/news/1", release_html(1, "Niger"))]
    path = write_archive(tmp_path / "crawl.warc.gz", crawl)
    result = run_cli("extract", "--dedupe", str(path))
    assert result.returncode == 0, result.stderr
    out = records_of(result)
    assert [r["url"] for r in out] == ["https://example.org/news/1", "https://example.org/news/2"]
    assert out[0]["duplicates"] == [f"{path}#{crawl[2].record_id}"]


def test_a_record_over_max_page_bytes_is_refused_alone(tmp_path):
    crawl = [page(1), response("https://example.org/big", b"<html><body>" + b"<p>word</p>" * 1000 + b"</body></html>"), page(3)]
    path = write_archive(tmp_path / "crawl.warc.gz", crawl)
    result = run_cli("extract", "--max-page-bytes", "4K", str(path))
    assert result.returncode == 1
    assert [r["url"] for r in records_of(result)] == ["https://example.org/news/1", "https://example.org/news/3"]
    assert f"pressparse: {path}#{crawl[1].record_id}: page too large: more than 4,096 bytes (--max-page-bytes)" in result.stderr.decode()


def test_damaged_records_are_named_and_the_others_still_give_records(tmp_path):
    crawl = [
        page(1),
        response("https://example.org/chunks", b"5\r\nhello\r\n99\r\nnot that long\r\n0\r\n\r\n",
                 "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n"),
        response("https://example.org/gzip", gzip.compress(b"<html><body>cut</body></html>" * 50)[:40],
                 "Content-Type: text/html\r\nContent-Encoding: gzip\r\n"),
        response("https://example.org/binary", b"\x00\x01\x02\x03" * 100, "Content-Type: text/html\r\n"),
        other(WarcRecordType.response, "https://example.org/no-http", b"<html>no status line</html>\r\n\r\n"),
        page(6),
    ]
    crawl[4].headers["Content-Type"] = "application/http; msgtype=response"
    path = write_archive(tmp_path / "crawl.warc.gz", crawl)
    result = run_cli("extract", str(path))
    assert result.returncode == 1
    assert [r["url"] for r in records_of(result)] == ["https://example.org/news/1", "https://example.org/news/6"]
    errors = result.stderr.decode().splitlines()
    assert f"pressparse: {path}#{crawl[1].record_id}: bad chunked encoding: chunk of 153 bytes at byte 10 cut short or overlong" in errors
    assert f"pressparse: {path}#{crawl[2].record_id}: gzip content cut short" in errors
    assert f"pressparse: {path}#{crawl[3].record_id}: binary file, not text" in errors
    assert f"pressparse: {path}#{crawl[4].record_id}: not an HTTP response: starts '<html>no status line</html>'" in errors
    assert "4 failed" in errors[-1]


def test_an_archive_cut_short_names_the_record_cut_and_keeps_those_before(tmp_path):
    crawl = [page(1), page(2), page(3)]
    path = write_archive(tmp_path / "crawl.warc.gz", crawl)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 60])  # into the last gzip member
    result = run_cli("extract", str(path))
    assert result.returncode == 1
    assert [r["url"] for r in records_of(result)] == ["https://example.org/news/1", "https://example.org/news/2"]
    [error] = [line for line in result.stderr.decode().splitlines() if "summary" not in line and "failed" not in line]
    assert error.startswith(f"pressparse: {path}#{crawl[2].record_id}: record cut short: ")


def test_chunked_and_compressed_payloads_are_undone():
    body = "<html><body><p>Genève</p></body></html>".encode()
    chunked = b"".join(b"%x;ext=1\r\n%s\r\n" % (len(part), part) for part in (body[:10], body[10:])) + b"0\r\n\r\n"
    assert archive._dechunked(chunked) == body
    assert archive._decoded(gzip.compress(body), "gzip") == body
    with pytest.raises(InputError, match="no chunk size"):
        archive._dechunked(b"<html>not chunked</html>")


def test_the_charset_of_the_http_headers_decodes_a_page_that_does_not_say_its_own():
    data = "Prix : 5 € la page, écrite à Genève".encode("iso-8859-15")
    assert decode(data, "iso-8859-15").startswith("Prix : 5 €")
    assert to_document(data, "x", None, "iso-8859-15").text.startswith("Prix : 5 €")
    assert not decode(data).startswith("Prix : 5 €")  # detection alone reads the byte as another sign


def test_records_reads_an_archive_in_one_pass(tmp_path):
    crawl = mixed_crawl()
    path = write_archive(tmp_path / "crawl.warc.gz", crawl)
    read = list(archive.records(str(path)))
    assert [(source, url) for source, url, _ in read] == [
        (f"{path}#{crawl[1].record_id}", "https://example.org/news/1"),
        (f"{path}#{crawl[5].record_id}", "https://example.org/news/2"),
    ]
    assert b"number 2 in Mali" in read[1][2].data


def corpus(name: str) -> Path:
    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"{path} is absent")
    return path


@pytest.mark.parametrize(
    ("name", "url", "headline"),
    [
        ("whirlwind.warc.gz", "https://an.wikipedia.org/wiki/Escopete", "Escopete"),  # the page's <h1>
        ("whirlwind.warc.wet.gz", "https://an.wikipedia.org/wiki/Escopete", "Escopete en Castiella-La Mancha"),
    ],
)
def test_real_common_crawl_archives(name, url, headline):
    result = run_cli("extract", str(corpus(name)))
    assert result.returncode == 0, result.stderr
    [record] = records_of(result)
    assert record["url"] == url and record["source"].startswith(f"{corpus(name)}#<urn:uuid:")
    assert record["headline"] == headline
    assert "3 archive records not pages" in result.stderr.decode() or name.endswith("wet.gz")


def test_real_archive_of_sixteen_html_responses():
    result = run_cli("extract", "-q", str(corpus("warcfile.warc.gz")))
    assert result.returncode == 0, result.stderr
    assert len(records_of(result)) == 16


@pytest.mark.parametrize(
    ("name", "errors"),
    [
        ("clipped.warc.gz", ["#<urn:uuid:f3dfa8fa-f031-4a38-90cc-1dcee3d07bb5>: record cut short: 74,970 of 88,038 bytes"]),
        (
            "example-trunc.warc",
            [
                ": unreadable after record <urn:uuid:a9c51e3e-0221-11e7-bf66-0242ac120005>: Invalid WARC header",
                "#<urn:uuid:a9c51e3e-0221-11e7-bf66-0242ac120005>: gzip content cut short",
            ],
        ),
    ],
)
def test_damaged_real_archives_are_named_on_stderr(name, errors):
    path = corpus(name)
    result = run_cli("extract", "-q", str(path))
    assert result.returncode == 1
    assert result.stderr.decode().splitlines() == [f"pressparse: {path}{error}" for error in errors]


def test_records_names_what_it_cannot_read_in_a_damaged_archive():
    path = str(corpus("example-trunc.warc"))
    read = [(source, type(result).__name__, str(result)) for source, _, result in archive.records(path)]
    assert read == [
        (f"{path}#<urn:uuid:a9c51e3e-0221-11e7-bf66-0242ac120005>", "InputError", "gzip content cut short"),
        (path, "InputError", "unreadable from here on: Invalid WARC header"),
    ]


def test_an_archive_whose_gzip_members_are_not_its_records_is_still_read():
    result = run_cli("extract", "-q", str(corpus("example-wrong-chunks.warc.gz")))
    assert result.returncode == 0, result.stderr
    [record] = records_of(result)
    assert record["url"] == "http://example.com/" and record["source"].endswith("#<urn:uuid:80d63307-60af-43e0-903f-574b2f432b7e>")
