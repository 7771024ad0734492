"""HTML input: the rendering to lines, the markup's signals, the steps' use of them, and the command line."""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter

import pytest

from conftest import ROOT, run_cli
from pressparse import extract_html
from pressparse.pipeline import analyse
from pressparse.readers.html import render
from pressparse.readers.text import looks_like_html

CORPORA = ROOT.parent / "shared" / "corpora"
PROSE = (
    "The district council opened a new health centre on Monday, serving more than ten thousand people in the "
    "villages around the market town."
)


def lines(markup: str) -> list[str]:
    return [line for line in render(markup).text.split("\n") if line]


def furniture(markup: str) -> dict[str, str]:
    """Each furniture line's text with its signal."""
    rendered = render(markup)
    numbered = rendered.text.split("\n")
    return {numbered[number - 1]: signal for number, signal in rendered.hints.furniture.items()}


# Rendering


def test_blocks_list_items_cells_and_breaks_are_lines_inline_text_joins_its_line():
    markup = (
        "<body><p>One <b>bold</b>   and\n <i>it</i>alic</p><div>Two<br>Three</div>"
        "<ul><li>Four</li><li>Five</li></ul><table><tr><td>Six</td><td>Seven</td></tr></table></body>"
    )
    assert lines(markup) == ["One bold and italic", "Two", "Three", "Four", "Five", "Six", "Seven"]


def test_blocks_are_separated_by_a_blank_line():
    assert render("<body><p>One</p><p>Two</p></body>").text == "One\n\nTwo"


@pytest.mark.parametrize(
    "unseen",
    [
        "<script>var x = 1;</script>",
        "<style>p { color: red }</style>",
        "<noscript>Enable JavaScript</noscript>",
        "<template><p>Later</p></template>",
        "<svg><text>Logo</text></svg>",
        "<select><option>English</option><option>Français</option></select>",
        "<p hidden>Hidden</p>",
        '<p aria-hidden="true">Icon</p>',
        '<div style="color: red; display:none">Cookie banner</div>',
    ],
)
def test_what_a_reader_never_sees_gives_no_text(unseen):
    assert lines(f"<body><p>Before</p>{unseen}<p>After</p></body>") == ["Before", "After"]


def test_a_hidden_element_gives_no_text_but_its_signal_once():
    # A headline hidden for screen readers, a contact link in a hidden block: what the markup says stays.
    rendered = render(
        f'<body><h1 hidden>Centre opens</h1><p>{PROSE}</p>'
        '<div hidden><a href="mailto:press@fund.org">Write</a></div></body>'
    )
    assert rendered.text == PROSE
    assert rendered.hints.titles == (("Centre opens", "<h1>"),)
    assert rendered.hints.emails == ("press@fund.org",)


def test_preformatted_text_keeps_its_line_breaks():
    assert lines("<body><pre>a  b\nc</pre></body>") == ["a b", "c"]


def test_a_deep_page_renders_without_exhausting_the_recursion():
    assert lines("<body>" + "<div>" * 3000 + "Deep" + "</div>" * 3000 + "</body>") == ["Deep"]


# Signals


@pytest.mark.parametrize(
    "element, signal",
    [
        ("<nav><p>Home</p></nav>", "<nav>"),
        ("<aside><p>Home</p></aside>", "<aside>"),
        ("<header><p>Home</p></header>", "<header>"),
        ("<footer><p>Home</p></footer>", "<footer>"),
        ('<div role="navigation"><p>Home</p></div>', 'role="navigation"'),
        ('<div role="contentinfo"><p>Home</p></div>', 'role="contentinfo"'),
        ('<section id="comments"><p>Home</p></section>', "comment section"),
        ('<div class="comment-list"><p>Home</p></div>', "comment section"),
        ('<div class="post related-posts"><p>Home</p></div>', "related stories"),
        ("<figure><img src='a.jpg'><figcaption>Home</figcaption></figure>", "<figcaption>"),
        ("<form action='/search'><p>Home</p></form>", "<form>"),
    ],
)
def test_furniture_elements_mark_their_lines_with_their_signal(element, signal):
    assert furniture(f"<body>{element}<p>{PROSE}</p></body>") == {"Home": signal}


def test_a_form_wrapping_the_page_is_not_furniture():
    assert furniture(f"<body><form><article><h1>Centre opens</h1><p>{PROSE}</p></article></form></body>") == {}


def test_a_header_inside_the_article_is_not_furniture():
    markup = f"<body><article><header><h1>Centre opens</h1></header><p>{PROSE}</p></article></body>"
    assert furniture(markup) == {}


def test_a_list_of_links_is_a_menu_a_list_of_prose_is_not():
    menu = "<ul>" + "".join(f'<li><a href="/{n}">{n}</a></li>' for n in ("Home", "News", "Contact")) + "</ul>"
    prose = "<ul>" + "".join(f"<li>{n} and <a href='/'>a link</a> in a sentence</li>" for n in "abc") + "</ul>"
    assert furniture(f"<body>{menu}{prose}</body>") == {"Home": "menu-like list", "News": "menu-like list",
                                                        "Contact": "menu-like list"}


def test_titles_in_order_of_trust_the_article_h1_first():
    markup = (
        '<html><head><title>News | Green Fund - Centre opens</title><meta property="og:site_name" '
        'content="Green Fund"><meta property="og:title" content="A centre opens">'
        f"</head><body><h1>Site logo</h1><h1>Other</h1><article><h1>Kano centre</h1><p>{PROSE}</p>"
        "</article></body></html>"
    )
    assert render(markup).hints.titles == (
        ("Kano centre", "<h1>"), ("A centre opens", "og:title"), ("Centre opens", "<title>"),
    )


def test_the_title_most_signals_give_comes_first():
    markup = (
        '<html><head><title>Centre opens in Kano | Green Fund</title>'
        '<meta property="og:title" content="Centre opens in Kano"></head>'
        f"<body><article><h1>Health: Centre opens in Kano</h1><p>{PROSE}</p></article></body></html>"
    )
    assert render(markup).hints.titles == (
        ("Centre opens in Kano", "og:title"), ("Health: Centre opens in Kano", "<h1>"),
    )


@pytest.mark.parametrize(
    "head, body, expected",
    [
        ('<script type="application/ld+json">{"@graph": [{"datePublished": "2020-05-04T10:00:00Z"}]}</script>',
         '<time datetime="2019-01-01">x</time>', ("2020-05-04", "JSON-LD datePublished")),
        ('<meta property="article:published_time" content="2021-02-03T08:00:00+01:00">', "",
         ("2021-02-03", "article:published_time")),
        ('<meta name="date" content="2018-07-06">', "", ("2018-07-06", "date")),
        ("", '<p>Posted <time datetime="2017-11-30T12:00">30 Nov</time></p>', ("2017-11-30", "<time datetime>")),
        ('<script type="application/ld+json">{broken</script>', "", None),
    ],
)
def test_the_publication_date_and_its_signal(head, body, expected):
    assert render(f"<html><head>{head}</head><body>{body}<p>{PROSE}</p></body></html>").hints.date == expected


def test_language_url_and_contact_links():
    markup = (
        '<html lang="pt-BR"><head><link rel="canonical" href="https://a.example/x">'
        '<meta property="og:url" content="https://b.example/y"></head><body>'
        '<a href="mailto:Press@Example.org?subject=Hi">Write</a><a href="tel:+55 11 2345-6789">Call</a></body></html>'
    )
    rendered = render(markup)
    assert (rendered.url, rendered.hints.language) == ("https://a.example/x", "pt")
    assert (rendered.hints.emails, rendered.hints.phones) == (("press@example.org",), ("+551123456789",))


def test_og_url_when_there_is_no_canonical_link():
    assert render('<html><head><meta property="og:url" content="https://b.example/y"></head></html>').url == (
        "https://b.example/y"
    )


def test_html_is_recognised_by_how_it_starts():
    assert looks_like_html("\ufeff <!-- saved --> <!DOCTYPE html><html>")
    assert not looks_like_html("Press release\nThe <b> tag is quoted here.")


# The steps


def test_the_steps_use_the_markups_title_date_language_and_article():
    markup = (
        '<html lang="en"><head><meta property="og:title" content="Health centre opens">'
        '<meta property="article:published_time" content="2022-09-01"></head><body>'
        "<nav><ul><li><a href='/'>Home</a></li><li><a href='/n'>News</a></li><li><a href='/c'>Contact</a></li>"
        f"</ul></nav><h2>Health centre opens</h2><div class='story'><p>{PROSE}</p><p>Short line</p><p>{PROSE}</p>"
        "</div><footer><p>Copyright Green Fund</p></footer></body></html>"
    )
    page_record = extract_html(markup)
    assert (page_record.headline, page_record.date, page_record.language) == (
        "Health centre opens", "2022-09-01", "en",
    )
    assert page_record.body == f"{PROSE}\n\nShort line\n\n{PROSE}"


def test_in_html_a_long_line_without_a_sentence_end_is_article_text_and_a_figcaption_is_the_caption():
    """In plain text such a line between paragraphs is taken for a photo caption; in HTML the markup tells
    captions (<figcaption>), and a list item or recipe line of the article stays in the body."""
    item = "Asparagus and eggs with one cup of asparagus and two soft boiled eggs on whole grain toast"
    markup = (
        f"<html><body><article><h1>Meal plan</h1><p>{PROSE}</p><p>{item}</p>"
        f"<figure><img src='a.jpg'><figcaption>{item} in a bowl</figcaption></figure><p>{PROSE}</p>"
        "</article></body></html>"
    )
    assert extract_html(markup).body == f"{PROSE}\n\n{item}\n\n{PROSE}"


OTHER_PROSE = (
    "Readers of the weekly digest also asked about the new timetable of the regional buses, which changes on the "
    "first day of the coming month for every line that serves the northern suburbs."
)


def test_the_element_the_microdata_names_the_article_body_holds_the_article():
    """itemprop="articleBody" names the article's element, even when another block holds more paragraphs."""
    markup = (
        f"<html><body><h1>Centre opens</h1><div itemprop='articleBody'>{PROSE}<br>And again: {PROSE}</div>"
        f"<div class='digest'><p>{OTHER_PROSE}</p><p>{OTHER_PROSE}</p><p>{OTHER_PROSE}</p></div></body></html>"
    )
    assert extract_html(markup).body == f"{PROSE}\n\nAnd again: {PROSE}"


def test_two_elements_named_the_article_body_leave_the_choice_to_the_text():
    article = "".join(f"<p>Paragraph {n}: {PROSE}</p>" for n in range(3))
    markup = (
        f"<html><body><h1>Centre opens</h1><div itemprop='articleBody'><p>{OTHER_PROSE}</p></div>"
        f"<div itemprop='articleBody'>{article}</div></body></html>"
    )
    assert extract_html(markup).body.count(PROSE) == 3  # not the first element's text alone


def test_a_last_block_of_sentences_ending_in_an_exclamation_is_article_text():
    """The text rules read a line ending in "!" or "?" as a title, however many words it holds; in HTML a block
    is one line, and one of a paragraph's length ending a sentence is prose."""
    last = "And the nurses who run it say they are proud of it. Who would not be proud of such a fine new centre!"
    markup = f"<html><body><article><h1>Centre opens</h1><p>{PROSE}</p><p>{last}</p></article></body></html>"
    assert extract_html(markup).body == f"{PROSE}\n\n{last}"


def test_a_block_printed_twice_in_a_row_is_a_caption_a_line_listed_again_further_on_is_text():
    """A slideshow prints a photo's caption twice (the copy cut short), in blocks of their own: no paragraph
    of the article follows itself. A recipe line or a question repeated further on stays."""
    caption = "The minister, left, and the head nurse open the new health centre in Kano on Monday, May 3, 2021."
    item = "One cup of asparagus, two soft boiled eggs and a slice of whole grain toast with a spoon of butter"
    markup = (
        f"<html><body><article><h1>Centre opens</h1><p>{PROSE}</p><p>{item}</p><div>{caption}</div>"
        f"<div>{caption[:70]}... more</div><p>{item}</p><p>Again: {PROSE}</p></article></body></html>"
    )
    assert extract_html(markup).body == f"{PROSE}\n\n{item}\n\n{item}\n\nAgain: {PROSE}"


def test_lines_mostly_of_a_links_text_are_noted_a_web_address_is_not():
    rendered = render(
        "<body><p><a href='/a'>Council backs the shelter plan</a></p><p>Read: <a href='/b'>The shelter plan</a></p>"
        "<p>See the <a href='/c'>plan</a> of the council for the new shelter</p>"
        "<p><a href='https://x.example/plan'>https://x.example/plan</a></p></body>"
    )
    numbered = rendered.text.split("\n")
    assert sorted(numbered[number - 1] for number in rendered.hints.links) == [
        "Council backs the shelter plan", "Read: The shelter plan",
    ]


def test_a_list_after_the_last_paragraph_is_body_up_to_the_titles_of_other_stories():
    """Entries of a list that the article's prose introduces (no prose each) stay in the body; the titles of
    other stories below them (lines of a link's text) and what follows them do not."""
    dates = [
        "June 9 - Coral Sky Amphitheatre in West Palm Beach, Florida",
        "June 10 - Credit Union Amphitheatre in Tampa, Florida, with guests",
    ]
    markup = (
        f"<html><body><article><h1>Band tours again</h1><p>{PROSE}</p><p>The tour dates:</p>"
        + "".join(f"<p>{entry}</p>" for entry in dates)
        + "<p><a href='/a'>Council backs the new shelter plan for the families of the northern district</a></p>"
        "<p>A note on the tour from its organisers, who thank the fans for their patience</p>"
        "<p><a href='/b'>New bridge opens in the north after three years of building work</a></p>"
        "</article></body></html>"
    )
    assert extract_html(markup).body == "\n\n".join([PROSE, "The tour dates:", *dates])


def test_a_lone_paragraph_above_the_byline_is_not_the_articles_start():
    """A standfirst under the headline, parted from the article's prose by a byline, a date and a label, is not
    the body's first paragraph; a lead followed closely by the rest is."""
    standfirst = "There are more ways to pay for a health centre than ever before, and here is how to choose one."
    byline = "<p>By Ama Owusu</p><p>Health correspondent</p><p>May 3, 2021 8:03 am</p>"
    article = f"<p>{PROSE}</p><p>And again: {PROSE}</p>"
    markup = f"<html><body><article><h1>Centre opens</h1><p>{standfirst}</p>{byline}{article}</article></body></html>"
    assert extract_html(markup).body == f"{PROSE}\n\nAnd again: {PROSE}"
    close = f"<html><body><article><h1>Centre opens</h1><p>{standfirst}</p><p>By Ama Owusu</p>{article}</article>"
    assert extract_html(close + "</body></html>").body == "\n\n".join(
        [standfirst, "By Ama Owusu", PROSE, f"And again: {PROSE}"]
    )


def test_a_dash_line_in_a_block_is_text_not_a_menu_entry():
    """In plain text "– Ama O." alone on a line is read as a menu's bullet; in HTML the markup tells menus, and
    such a line is the attribution of a quote or of an embedded post."""
    quote = "“The new centre is the best thing that happened to our villages in years,” she said at the opening."
    markup = (
        f"<html><body><article><h1>Centre opens</h1><p>{PROSE}</p><blockquote><p>{quote}</p><p>– Ama Owusu</p>"
        f"</blockquote><p>And again: {PROSE}</p></article></body></html>"
    )
    assert extract_html(markup).body == "\n\n".join([PROSE, quote, "– Ama Owusu", f"And again: {PROSE}"])


def test_a_caption_printed_twice_in_the_list_after_the_last_paragraph_stays_out():
    caption = "The band, left, and its guests on the stage of the park's amphitheatre on Monday, May 3, 2021."
    dates = [
        "June 9 - Coral Sky Amphitheatre in West Palm Beach, Florida",
        "June 10 - Credit Union Amphitheatre in Tampa, Florida, with guests",
    ]
    markup = (
        f"<html><body><article><h1>Band tours again</h1><p>{PROSE}</p><p>{dates[0]}</p><div>{caption}</div>"
        f"<div>{caption[:70]}... more</div><p>{dates[1]}</p></article></body></html>"
    )
    assert extract_html(markup).body == "\n\n".join([PROSE, *dates])


def nested(paragraphs: list[str]) -> str:
    """Paragraphs in three wrappers (as site builders nest them), deeper than the weight of text reaches."""
    return "<div><div><div>" + "".join(f"<p>{text}</p>" for text in paragraphs) + "</div></div></div>"


def test_the_articles_first_part_above_its_element_is_body_a_lone_standfirst_is_not():
    """An article split in two wrappers by an aside: the heavier part is the article's element, the part above
    it (several prose paragraphs) is the article's too; a single paragraph under the headline (a standfirst,
    a teaser) is not."""
    first = [f"Part one, paragraph {n}: {PROSE}" for n in range(4)]
    second = [f"Part two, paragraph {n}: {PROSE}" for n in range(6)]
    split = f"<html><body><h1>Centre opens</h1>{nested(first)}<aside><p>Newsletter</p></aside>{nested(second)}"
    assert extract_html(split + "</body></html>").body == "\n\n".join(first + second)
    standfirst = f"<html><body><h1>Centre opens</h1><p>{OTHER_PROSE}</p>{nested(second)}</body></html>"
    assert extract_html(standfirst).body == "\n\n".join(second)


def test_the_title_hint_is_the_headline_when_no_line_holds_it():
    markup = f'<html><head><meta property="og:title" content="Centre opens"></head><body><p>{PROSE}</p></body></html>'
    assert extract_html(markup).headline == "Centre opens"


def test_furniture_lines_are_marked_boilerplate_with_the_signal():
    rendered = render(f"<body><aside><p>Related story</p></aside><p>{PROSE}</p></body>")
    page = analyse(rendered.text, hints=rendered.hints)
    assert [(line.role, line.why) for line in page.lines if line.text == "Related story"] == [
        ("boilerplate", "<aside>")
    ]


def test_a_mailto_target_gives_the_contact_named_in_it_their_address():
    markup = (
        f"<body><h1>Health centre opens in Kano</h1><p>{PROSE}</p><p>{PROSE}</p><p>Media contact:</p>"
        "<p>Ama Owusu, Communications Officer<br><a href='mailto:a.owusu@green.example.org'>E-mail</a></p></body>"
    )
    contacts = extract_html(markup).contacts
    assert [(c.name, c.emails) for c in contacts] == [("Ama Owusu", ["a.owusu@green.example.org"])]


def test_a_tel_target_gives_the_one_contact_without_a_phone_its_number():
    markup = (
        f"<body><h1>Health centre opens in Kano</h1><p>{PROSE}</p><p>{PROSE}</p><p>Media contact:</p>"
        "<p>Ama Owusu, Communications Officer<br><a href='tel:+233 30 212 3456'>Call</a></p></body>"
    )
    assert [(c.name, c.phones) for c in extract_html(markup).contacts] == [("Ama Owusu", ["+233302123456"])]


def test_the_declared_language_does_not_override_a_sure_guess_of_another():
    french = (
        "Le conseil de district a ouvert un nouveau centre de santé lundi, pour plus de dix mille personnes "
        "dans les villages autour de la ville et de la région, avec le soutien de la commune."
    )
    assert extract_html(f'<html lang="en"><body><p>{french}</p></body></html>').language == "fr"


# The command line


def test_cli_extracts_an_html_file(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(f'<body><nav><p>Home</p></nav><h1>Centre opens</h1><p>{PROSE}</p></body>', encoding="utf-8")
    result = run_cli("extract", "--quiet", str(page))
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert (record["headline"], record["body"]) == ("Centre opens", PROSE)


def test_cli_recognises_html_by_content_in_a_txt_file(tmp_path):
    page = tmp_path / "saved.txt"
    page.write_text(
        '<!DOCTYPE html><html><head><link rel="canonical" href="https://a.example/p"></head>'
        f"<body><h1>Centre opens</h1><p>{PROSE}</p></body></html>",
        encoding="utf-8",
    )
    result = run_cli("extract", "--quiet", "--evidence", str(page))
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert (record["url"], record["headline"], record["body"]) == ("https://a.example/p", "Centre opens", PROSE)
    assert record["evidence"]["headline"]["line"] == 1  # a line of the text rendering


def test_cli_explain_says_which_signal_set_a_value(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        '<html><head><meta property="og:title" content="Centre opens">'
        '<meta property="article:published_time" content="2022-09-01"></head>'
        f"<body><p>Centre opens</p><p>{PROSE}</p></body></html>",
        encoding="utf-8",
    )
    result = run_cli("explain", str(page))
    assert result.returncode == 0, result.stderr
    assert "headline from og:title · date from article:published_time" in result.stdout.decode("utf-8")


# The shared corpora (skipped when absent)


@pytest.mark.skipif(not (CORPORA / "fundus-news").is_dir(), reason="shared corpora absent")
def test_fundus_pages_give_their_publishers_dates():
    entries = [json.loads(line) for line in (CORPORA / "fundus-news" / "index.jsonl").open(encoding="utf-8")][:40]
    right = 0
    for entry in entries:
        markup = gzip.open(CORPORA / "fundus-news" / "pages" / entry["file"]).read().decode("utf-8", "replace")
        right += extract_html(markup).date == (entry["publishing_date"] or "")[:10]
    assert right >= 0.9 * len(entries)


def shingles(text: str) -> Counter:
    """Runs of 4 `\\w+` tokens with their counts (the article-extraction benchmark's unit)."""
    tokens = re.findall(r"\w+", text)
    return Counter(tuple(tokens[i : i + 4]) for i in range(len(tokens) - 3))


@pytest.mark.skipif(not (CORPORA / "article-extraction-benchmark").is_dir(), reason="shared corpora absent")
def test_article_benchmark_bodies_hold_the_articles_text_and_little_else():
    folder = CORPORA / "article-extraction-benchmark"
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    found = expected = both = 0
    for name in sorted(truth)[:30]:
        markup = gzip.open(folder / "html" / f"{name}.html.gz").read().decode("utf-8", "replace")
        output, reference = shingles(extract_html(markup).body), shingles(truth[name]["articleBody"])
        found, expected = found + sum(output.values()), expected + sum(reference.values())
        both += sum((output & reference).values())
    assert both >= 0.9 * found and both >= 0.9 * expected
