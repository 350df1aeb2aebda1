"""Choosing among the methods' readings of a page: the same choice on every run, the reading
the others agree with, the other version kept, trailing boilerplate cut, short ones flagged."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from lxml import html

from support.collapsed import HIDDEN_LINE, collapsed_page, mislabelled_page
from support.pages import all_pages
from tiffin.articles.choice import Choice, choose
from tiffin.articles.extract import extract_article
from tiffin.articles.methods import PRECISION, READABILITY, RECALL, Candidate, trim_tail

LEAD = "The rally began at noon in the old square, where thousands had gathered since dawn."
BODY = "Speakers asked the crowd to stay calm as the police closed the roads around the park."
JUNK = "Read the comments below and share this story with your friends on every network."
SAMPLE = 24  # fixture pages checked in fresh interpreters


def _reading(method: str, *paragraphs: str) -> Candidate:
    return Candidate(method, "".join(f"<p>{p}</p>" for p in paragraphs), "\n".join(paragraphs))


def test_the_reading_the_others_agree_with_is_kept() -> None:
    lost_lead = _reading(PRECISION, BODY)
    whole = _reading(RECALL, LEAD, BODY)
    also_whole = _reading(READABILITY, LEAD, BODY)
    choice = choose([lost_lead, whole, also_whole])
    assert choice is not None and choice.kept is whole
    assert choice.other is lost_lead  # the most different reading left, for the reader


def test_precision_wins_a_tie_and_no_other_version_when_all_agree() -> None:
    tie = choose([_reading(RECALL, LEAD, JUNK), _reading(PRECISION, LEAD)])
    assert tie is not None and tie.kept.method == PRECISION
    same = choose([_reading(PRECISION, LEAD, BODY), _reading(RECALL, LEAD, BODY)])
    assert same is not None and same.other is None
    assert choose([_reading(PRECISION), _reading(RECALL)]) is None


def test_choice_is_the_same_on_every_run(tmp_path: Path) -> None:
    pages = all_pages()[:: max(1, len(all_pages()) // SAMPLE)]
    listing = tmp_path / "pages.json"
    listing.write_text(json.dumps([[str(p.path), p.url] for p in pages]))
    code = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "from tiffin.articles.extract import extract_article\n"
        "out = []\n"
        "for path, url in json.loads(Path(sys.argv[1]).read_text()):\n"
        "    a = extract_article(Path(path).read_bytes(), url)\n"
        "    out.append(None if a is None else [a.method, a.other_method, a.text, a.page_words])\n"
        "print(json.dumps(out))\n"
    )
    runs = []
    for seed in ("1", "2"):
        environment = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", code, str(listing)],
            capture_output=True,
            text=True,
            env=environment,
            timeout=300,
            stdin=subprocess.DEVNULL,
            check=True,
        )
        runs.append(json.loads(done.stdout))
    here = []
    for page in pages:
        found = extract_article(page.path.read_bytes(), page.url)
        here.append(
            None
            if found is None
            else [found.method, found.other_method, found.text, found.page_words]
        )
    assert runs[0] == runs[1] == here
    assert {r[0] for r in here if r} >= {PRECISION}


def test_trailing_boilerplate_is_cut_and_the_article_end_kept() -> None:
    article = html.fragment_fromstring(
        f"<p>{LEAD}</p><p>{BODY}</p><p><a href='/more'>More on this story</a></p>"
        "<p>Share</p><img src='http://x.test/teaser.jpg'>",
        create_parent="div",
    )
    trimmed = " ".join(trim_tail(article).text_content().split())
    assert trimmed.endswith(BODY) and "Share" not in trimmed
    assert not list(trim_tail(article).iter("img"))
    ending = html.fragment_fromstring(
        f"<p>{LEAD}</p><p>{BODY}</p><figure><img src='http://x.test/a.jpg'></figure>",
        create_parent="div",
    )
    assert list(trim_tail(ending).iter("img"))  # a picture at the end is the article's


@given(
    st.lists(
        st.text(alphabet="abc .!", min_size=0, max_size=80).map(lambda s: s.strip() or "x"),
        min_size=1,
        max_size=12,
    )
)
def test_trimming_keeps_a_prefix_and_most_of_the_text(lines: list[str]) -> None:
    holder = html.fragment_fromstring("".join(f"<p>{line}</p>" for line in lines), "div")
    before = [" ".join(p.text_content().split()) for p in holder.iter("p")]
    after = [" ".join(p.text_content().split()) for p in trim_tail(holder).iter("p")]
    assert after == before[: len(after)]
    assert len(before) - len(after) <= 2
    assert sum(map(len, after)) >= 0.8 * sum(map(len, before))


def test_a_collapsed_second_half_is_kept_whole_by_the_readings_that_have_it() -> None:
    found = extract_article(collapsed_page(), "http://news.test/rally")
    assert found is not None and HIDDEN_LINE in found.text  # precision alone leaves it out
    assert found.method != PRECISION and found.other_method == PRECISION
    assert found.page_words == 0


def test_a_second_half_every_reading_leaves_out_is_flagged_and_a_whole_article_is_not() -> None:
    cut = extract_article(mislabelled_page(), "http://news.test/rally")
    assert cut is not None and "Paragraph 2 of the speech" in cut.text
    assert HIDDEN_LINE not in cut.text
    assert cut.page_words > 300
    whole = next(p for p in all_pages() if p.path.name == "np_cnn_article.html")
    found = extract_article(whole.path.read_bytes(), whole.url)
    assert found is not None and found.page_words == 0
    assert not Choice(_reading(PRECISION, LEAD, BODY), None, page_words=40).short
