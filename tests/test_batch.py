"""Batch runs: worker processes keep input order, templates are learned and reused, duplicates merge."""

from __future__ import annotations

import json
import os

from conftest import SEED_000, SEED_003, run_cli
from pressparse.model import Release
from pressparse.steps.page import BODY, HEADLINE, Line, Page
from pressparse.steps.templates import MIN_PAGES, TemplateLearner, candidate_lines

SITE_MENU = "Press corner\n"
# "Stories from the field" is the site's tagline under every headline: title-like, so the single-page rules
# would take it for the headline; only the learned template says it is furniture.
RELEASE = """{menu}{title}
Stories from the field
{body_start} officials opened a new clinic this week in the northern district, where {n} families have
settled since the floods, and said staff would be trained to treat cholera and malnutrition.
Doctors will rotate every {n} days, the health ministry said on Monday.
For more information, please contact:
Ana Ruiz
Email: aruiz@example.org
"""


def write_site(folder, pages: int, menu: str = SITE_MENU):
    for n in range(pages):
        text = RELEASE.format(menu=menu, title=f"Clinic number {n} opens in the north district",
                              body_start=f"Day {n}:", n=100 + n)
        (folder / f"{n:03}.txt").write_text(text, encoding="utf-8")


def records(result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]


def test_learner_needs_a_handful_of_different_releases():
    learner = TemplateLearner()
    for _ in range(MIN_PAGES * 2):
        learner.observe(("Press corner",), release_key=b"1")  # one release seen many times: not a template
    assert learner.template() == frozenset()
    for key in range(2, MIN_PAGES + 1):
        learner.observe(("Press corner",), release_key=bytes([key]))
    assert learner.template() == frozenset({"Press corner"})


def test_template_lines_are_learned_stripped_saved_and_reused(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    write_site(site, 12)
    saved = tmp_path / "template.json"
    out = records(run_cli("extract", "-q", "--template-out", str(saved), str(site)))
    assert all(r["headline"].startswith("Clinic number") for r in out)
    lines = json.loads(saved.read_text(encoding="utf-8"))["lines"]
    assert "Press corner" in lines and "Stories from the field" in lines
    assert not any("Ana Ruiz" in line or "@" in line for line in lines)  # contact block never learned
    assert all(r["contacts"] and r["contacts"][0]["name"] == "Ana Ruiz" for r in out)
    single = tmp_path / "one.txt"
    single.write_text(RELEASE.format(menu="", title="Clinic opens in the south", body_start="Today", n=5), encoding="utf-8")
    assert records(run_cli("extract", "-q", "--no-learn", str(single)))[0]["headline"] == "Stories from the field"
    reused = records(run_cli("extract", "-q", "--no-learn", "--template", str(saved), str(single)))
    assert reused[0]["headline"] == "Clinic opens in the south"


def test_a_title_shared_by_many_releases_stays_their_headline(tmp_path):
    # A series title ("Weekly update ...") heads different releases of one site: it is theirs, not furniture.
    for n in range(MIN_PAGES * 3):
        text = RELEASE.format(menu=SITE_MENU, title="Weekly update on the clinics of the northern district",
                              body_start=f"Day {n}:", n=100 + n).replace("Stories from the field\n", "")
        (tmp_path / f"{n:03}.txt").write_text(text, encoding="utf-8")
    out = records(run_cli("extract", "-q", str(tmp_path)))
    assert [r["headline"] for r in out] == ["Weekly update on the clinics of the northern district"] * (MIN_PAGES * 3)


def test_jobs_keep_input_order(tmp_path):
    write_site(tmp_path, 70)
    one = records(run_cli("extract", "-q", "--jobs", "1", str(tmp_path)))
    two = records(run_cli("extract", "-q", "--jobs", "2", str(tmp_path)))
    # More workers than chunks in flight: each chunk goes out in pieces, the records stay the same.
    nine = records(run_cli("extract", "-q", "--jobs", "9", str(tmp_path)))
    assert [r["source"] for r in two] == [r["source"] for r in one] == sorted(str(p) for p in tmp_path.glob("*.txt"))
    assert two == one == nine
    # Pages extracted before the template was learned were extracted again: the tagline is not their headline.
    assert all(r["headline"].startswith("Clinic number") for r in two)


def test_dedupe_keeps_the_first_and_lists_the_copies(tmp_path):
    first = tmp_path / "a.txt"
    copy = tmp_path / "b.txt"
    first.write_text(SEED_000.read_text(encoding="utf-8"), encoding="utf-8")
    # Same release under another site's menu.
    copy.write_text("Accueil\nAccueil\n- Nos bureaux\n" + SEED_000.read_text(encoding="utf-8").split("- 2030 AGENDA\n")[1],
                    encoding="utf-8")
    out = records(run_cli("extract", "-q", "--dedupe", str(first), str(copy), str(SEED_003)))
    assert [r["source"] for r in out] == [str(first), str(SEED_003)]
    assert out[0]["duplicates"] == [str(copy)]
    assert out[1]["duplicates"] == []


def test_bad_template_file_is_a_usage_error(tmp_path):
    bad = tmp_path / "t.json"
    bad.write_text("{not json", encoding="utf-8")
    result = run_cli("extract", "--template", str(bad), str(SEED_000))
    assert result.returncode == 2
    assert str(bad) in result.stderr.decode() and "Traceback" not in result.stderr.decode()


def test_an_unexpected_error_on_one_page_is_reported_and_the_run_goes_on(tmp_path, monkeypatch):
    from pressparse.cli import batch
    from pressparse.readers.text import expand

    good, broken = tmp_path / "a.txt", tmp_path / "b.txt"
    good.write_text(SEED_000.read_text(encoding="utf-8"), encoding="utf-8")
    broken.write_text("trigger", encoding="utf-8")
    real = batch.analyse

    def fragile(text, source, template, *more):
        if text == "trigger":
            raise ValueError("boom")
        return real(text, source, template, *more)

    monkeypatch.setattr(batch, "analyse", fragile)
    errors = []
    out = tmp_path / "out.jsonl"
    inputs, _ = expand([str(good), str(broken)])
    summary = batch.run(inputs, batch.Options(output=out, quiet=True), on_error=lambda s, m: errors.append((s, m)))
    assert (summary.records, summary.failures) == (1, 1)
    assert errors == [(str(broken), "internal error, please report it: ValueError: boom")]


def test_lines_near_contact_material_are_never_candidates():
    # A contact block the contacts step did not recognise (no cue line): its officer's name and office recur on
    # every release of the site but must not be learned as furniture.
    lines = [Line(1, "Press corner"), Line(2, "Clinic opens", HEADLINE), Line(3, "Ana Ruiz", BODY),
             Line(4, "Press office", BODY), Line(5, "Email: aruiz@example.org", BODY)]
    page = Page(text="", lines=lines, record=Release())
    assert candidate_lines(page)[0] == ("Press corner", "Clinic opens")


def test_body_lines_a_sentence_runs_through_are_never_candidates():
    # Apart (the upper line was longer than the wrap width), "... Sri" / "Lanka." and "Le programme" / "de la
    # lutte contre la traite" are still one sentence each; a short line after a finished sentence may be
    # furniture.
    lines = [Line(0, "Victims now come from Bangladesh, Pakistan and Sri", BODY), Line(1, "Lanka.", BODY),
             Line(2, ""), Line(3, "Le programme", BODY), Line(4, "de la lutte contre la traite", BODY),
             Line(5, ""), Line(6, "The clinic opened.", BODY), Line(7, "Follow us", BODY)]
    page = Page(text="", lines=lines, record=Release())
    assert candidate_lines(page)[0] == ("The clinic opened.", "Follow us")


def test_a_worker_that_dies_fails_only_the_page_it_was_on_and_the_run_goes_on(tmp_path, monkeypatch):
    from pressparse.cli import batch
    from pressparse.readers.text import expand

    write_site(tmp_path, 3 * batch.CHUNK_PAGES)
    doomed = str(tmp_path / f"{batch.CHUNK_PAGES + 1:03}.txt")  # a page of the second chunk
    real = batch.process_chunk

    def crashing(task):
        if any(item.source == doomed for item in task[0]):
            os._exit(70)  # as a crash in native code would end the worker
        return real(task)

    monkeypatch.setattr(batch, "process_chunk", crashing)
    errors = []
    out = tmp_path / "out.jsonl"
    inputs, _ = expand([str(tmp_path)])
    summary = batch.run(inputs, batch.Options(output=out, jobs=2, quiet=True), on_error=lambda s, m: errors.append((s, m)))
    # The pages of the dead worker's task went out again one by one: only the page that ends a worker failed.
    lost = [source for source, _ in errors]
    assert lost == [doomed] and summary.failures == 1
    assert errors[0][1] == "worker process stopped (exit status 70) while extracting this page"
    written = [json.loads(line)["source"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert summary.records == len(written) == len(inputs) - len(lost)
    assert sorted(written + lost) == [item.source for item in inputs]
