"""Comment detection and records, on small hand-written pages (one per comment system)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from extractor import extract_article
from extractor.comments import declared_comment_count, extract_comments, find_comment_sections
from extractor.core.tree import parse_html

FETCHED = datetime(2024, 3, 10, 12, 0, tzinfo=timezone.utc)

ARTICLE = """
<header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<article class="post-7 post type-post hentry">
  <h1>Harbour bridge reopens after repairs</h1>
  <p class="byline">By <a href="/author/jane">Jane Roe</a> on <time datetime="2024-03-01">March 1, 2024</time></p>
  <div class="entry-content">
    <p>The harbour bridge reopened on Friday after eight months of repairs to its steel deck and railings.</p>
    <p>Engineers replaced more than four hundred bolts and repainted the towers, the city council said.</p>
    <p>Traffic is expected to return to normal levels within a week, according to the transport office.</p>
  </div>
</article>
"""


def _page(comments_html: str, article: str = ARTICLE) -> str:
    return f"<html><head><title>t</title></head><body>{article}{comments_html}<footer>(c) Site</footer></body></html>"


def _comments(html: str, language: str | None = "en"):
    tree = parse_html(html)
    sections = find_comment_sections(tree)
    comments, _warnings = extract_comments(sections, fetched_at=FETCHED, language=language)
    return tree, sections, comments


WORDPRESS = """
<div id="comments" class="comments-area">
  <h2 class="comments-title">3 thoughts on &ldquo;Harbour bridge reopens&rdquo;</h2>
  <ol class="comment-list">
    <li id="comment-11" class="comment even thread-even depth-1 parent">
      <article id="div-comment-11" class="comment-body">
        <footer class="comment-meta">
          <div class="comment-author vcard"><img class="avatar" src="a.png" alt="">
            <b class="fn"><a href="https://alice.example" class="url">Alice Hart</a></b> <span class="says">says:</span></div>
          <div class="comment-metadata"><a href="#comment-11"><time datetime="2024-03-02T09:15:00+00:00">March 2, 2024 at 9:15 am</time></a></div>
        </footer>
        <div class="comment-content"><p>Finally open again.</p><p>My commute was twice as long.</p></div>
        <div class="reply"><a class="comment-reply-link" href="?replytocom=11#respond">Reply</a></div>
      </article>
      <ol class="children">
        <li id="comment-12" class="comment odd alt depth-2 parent">
          <article id="div-comment-12" class="comment-body">
            <footer class="comment-meta">
              <div class="comment-author vcard"><b class="fn">Bo Lind</b> <span class="says">says:</span></div>
              <div class="comment-metadata"><a href="#comment-12"><time datetime="2024-03-02T10:00:00+00:00">March 2, 2024 at 10:00 am</time></a></div>
            </footer>
            <div class="comment-content"><p>Same here, the ferry was packed every morning.</p></div>
            <div class="reply"><a class="comment-reply-link" href="?replytocom=12#respond">Reply</a></div>
          </article>
          <ol class="children">
            <li id="comment-13" class="comment even depth-3">
              <article id="div-comment-13" class="comment-body">
                <footer class="comment-meta">
                  <div class="comment-author vcard"><b class="fn">Alice Hart</b> <span class="says">says:</span></div>
                  <div class="comment-metadata"><a href="#comment-13"><time datetime="2024-03-03T08:00:00+00:00">March 3, 2024 at 8:00 am</time></a></div>
                </footer>
                <div class="comment-content"><p>The ferry is a nice ride though.</p></div>
              </article>
            </li>
          </ol>
        </li>
      </ol>
    </li>
  </ol>
  <div id="respond" class="comment-respond">
    <h3 id="reply-title" class="comment-reply-title">Leave a Reply</h3>
    <form action="/wp-comments-post.php" method="post" id="commentform" class="comment-form">
      <p class="comment-notes">Your email address will not be published.</p>
      <textarea id="comment" name="comment"></textarea><input type="submit" value="Post Comment">
    </form>
  </div>
</div>
"""


def test_wordpress_threaded_three_levels() -> None:
    _tree, sections, comments = _comments(_page(WORDPRESS))
    assert [c.author for c in comments] == ["Alice Hart", "Bo Lind", "Alice Hart"]
    assert [c.id for c in comments] == ["comment-11", "comment-12", "comment-13"]
    assert [c.parent_id for c in comments] == [None, "comment-11", "comment-12"]
    assert [c.depth for c in comments] == [0, 1, 2]
    assert comments[0].text == "Finally open again.\nMy commute was twice as long."
    assert comments[0].published == datetime(2024, 3, 2, 9, 15, tzinfo=timezone.utc)
    assert comments[0].published_raw == "March 2, 2024 at 9:15 am"
    assert comments[0].author_url == "https://alice.example"
    assert comments[0].permalink == "#comment-11"
    assert all("Reply" not in c.text and "says" not in c.text for c in comments)
    assert [s.get("id") for s in sections] == ["comments"]


def test_wordpress_comments_and_form_stay_out_of_body() -> None:
    article = extract_article(_page(WORDPRESS), fetched_at=FETCHED)
    assert "bolts" in article.body
    assert "ferry" not in article.body
    assert "Leave a Reply" not in article.body
    assert len(article.comments) == 3


NEWS_VOTES = """
<section class="user-comments" id="reader-comments">
  <h3>Comments (3)</h3>
  <div class="comment-item" data-comment-id="501">
    <div class="comment-head"><a class="comment-user" href="/users/kmiller">K. Miller</a>
      <span class="comment-date">2 hours ago</span></div>
    <div class="comment-text"><p>Good news for the whole east side of town.</p></div>
    <div class="comment-tools"><span class="vote-up" title="Like"><span class="count">14</span></span>
      <span class="vote-down" title="Dislike"><span class="count">2</span></span>
      <a href="#" class="report">Report</a> <a href="#c501">Link to comment</a></div>
  </div>
  <div class="comment-item" data-comment-id="502">
    <div class="comment-head"><span class="comment-user">[deleted]</span>
      <span class="comment-date">yesterday</span></div>
    <div class="comment-text"><p>It should never have taken eight months.</p></div>
    <div class="comment-tools"><span class="vote-up" title="Like"><span class="count">1</span></span>
      <span class="vote-down" title="Dislike"><span class="count">9</span></span></div>
  </div>
  <div class="comment-item" data-comment-id="503">
    <div class="comment-head"><a class="comment-user" href="/users/ptan">P. Tan</a>
      <span class="comment-date">March 4, 2024</span></div>
    <div class="comment-text"><p>Does anyone know if the cycle lane is finished?</p></div>
    <div class="comment-tools"><span class="vote-up" title="Like"><span class="count">0</span></span>
      <span class="vote-down" title="Dislike"><span class="count">0</span></span></div>
  </div>
</section>
"""


def test_news_site_votes_relative_dates_and_deleted_author() -> None:
    tree, sections, comments = _comments(_page(NEWS_VOTES))
    assert [c.author for c in comments] == ["K. Miller", "[deleted]", "P. Tan"]
    assert [(c.likes, c.dislikes) for c in comments] == [(14, 2), (1, 9), (0, 0)]
    assert [c.author_deleted for c in comments] == [False, True, False]
    assert comments[0].id == "501"
    assert comments[0].author_url == "/users/kmiller"
    assert comments[0].published == FETCHED - timedelta(hours=2)
    assert comments[1].published is not None
    assert comments[1].published.date() == (FETCHED - timedelta(days=1)).date()
    assert comments[2].published is not None
    assert comments[2].published.date().isoformat() == "2024-03-04"
    for comment in comments:
        assert "Report" not in comment.text
        assert "Link to comment" not in comment.text
        assert "14" not in comment.text
    assert declared_comment_count(tree) == 3
    assert declared_comment_count(sections) == 3


FORUM = """
<html><body><div id="wrap"><h2 class="topic-title"><a href="/viewtopic.php?t=9">Lemon tree drops leaves</a></h2>
<div class="pagination">3 posts</div>
<div id="p101" class="post bg2"><div class="inner"><div class="postbody">
  <h3 class="first"><a href="#p101">Lemon tree drops leaves</a></h3>
  <p class="author">by <strong><a href="./memberlist.php?mode=viewprofile&amp;u=5" class="username">greenthumb</a></strong> &raquo; 12 Jan 2018, 12:15</p>
  <div class="content">My lemon tree lost half its leaves this week.<br>It stands by a south window.</div>
</div><dl class="postprofile"><dt><a href="./memberlist.php?mode=viewprofile&amp;u=5">greenthumb</a></dt>
  <dd><strong>Posts:</strong> 310</dd><dd><strong>Joined:</strong> 03 Mar 2011, 10:00</dd></dl></div></div>
<div id="p102" class="post bg1"><div class="inner"><div class="postbody">
  <h3><a href="#p102">Re: Lemon tree drops leaves</a></h3>
  <p class="author">by <strong><a href="./memberlist.php?mode=viewprofile&amp;u=8" class="username">citrusfan</a></strong> &raquo; 12 Jan 2018, 13:40</p>
  <div class="content"><blockquote><cite>greenthumb wrote:</cite>It stands by a south window.</blockquote>Too much heat from the radiator, probably.</div>
</div><dl class="postprofile"><dt><a href="./memberlist.php?mode=viewprofile&amp;u=8">citrusfan</a></dt>
  <dd><strong>Joined:</strong> 20 Feb 2015, 09:00</dd></dl></div></div>
<div id="p103" class="post bg2"><div class="inner"><div class="postbody">
  <h3><a href="#p103">Re: Lemon tree drops leaves</a></h3>
  <p class="author">by <strong><a href="./memberlist.php?mode=viewprofile&amp;u=5" class="username">greenthumb</a></strong> &raquo; 13 Jan 2018, 08:05</p>
  <div class="content">Moved it, thanks!</div>
</div><dl class="postprofile"><dt><a href="./memberlist.php?mode=viewprofile&amp;u=5">greenthumb</a></dt>
  <dd><strong>Joined:</strong> 03 Mar 2011, 10:00</dd></dl></div></div>
</div></body></html>
"""


def test_forum_thread_counts_opening_post_and_keeps_quotes() -> None:
    _tree, _sections, comments = _comments(FORUM)
    assert [c.author for c in comments] == ["greenthumb", "citrusfan", "greenthumb"]
    assert [c.id for c in comments] == ["p101", "p102", "p103"]
    assert [c.published.date().isoformat() for c in comments if c.published] == [
        "2018-01-12",
        "2018-01-12",
        "2018-01-13",
    ]
    assert comments[0].text == "My lemon tree lost half its leaves this week.\nIt stands by a south window."
    # The quoted earlier post stays in the reply, as the page shows it (see the package docstring).
    assert "south window" in comments[1].text
    assert "radiator" in comments[1].text
    assert comments[2].text == "Moved it, thanks!"
    assert all(c.depth == 0 for c in comments)


XENFORO = """
<html><body><div class="p-body"><h1>Best tuner app?</h1>
<article class="message message--post" data-author="Strummer" id="js-post-1">
  <div class="message-cell message-cell--user"><h4 class="message-name"><a href="/members/strummer.12/" class="username">Strummer</a></h4></div>
  <div class="message-cell message-cell--main"><header class="message-attribution"><time class="u-dt" datetime="2020-04-21T10:58:00+0200">21.04.20</time></header>
  <div class="message-body"><div class="bbWrapper">Which tuner app do you use on stage?</div></div></div>
</article>
<article class="message message--post" data-author="Bass Fan" id="js-post-2">
  <div class="message-cell message-cell--user"><h4 class="message-name"><a href="/members/bass-fan.77/" class="username">Bass Fan</a></h4></div>
  <div class="message-cell message-cell--main"><header class="message-attribution"><time class="u-dt" datetime="2020-04-21T11:20:00+0200">21.04.20</time></header>
  <div class="message-body"><div class="bbWrapper">A clip-on tuner beats any app in a loud room.</div></div></div>
</article>
</div></body></html>
"""


def test_xenforo_like_messages() -> None:
    _tree, _sections, comments = _comments(XENFORO, language="de")
    assert [c.author for c in comments] == ["Strummer", "Bass Fan"]
    assert comments[1].text == "A clip-on tuner beats any app in a loud room."
    assert comments[0].published is not None
    assert comments[0].published.date().isoformat() == "2020-04-21"
    assert comments[0].author_url == "/members/strummer.12/"


GERMAN = """
<section id="kommentare" class="kommentare">
  <h2>Leserkommentare (2)</h2>
  <div class="kommentar" id="k-1"><div class="kommentar__kopf"><span class="kommentar__nutzer">Radler_LF</span>
    <span class="kommentar__zeit">vor 3 Tagen</span></div>
    <div class="kommentar__text"><p>Endlich ist die Brücke wieder offen.</p></div>
    <div class="kommentar__aktionen"><button>Antworten</button> <button>Melden</button></div></div>
  <div class="kommentar" id="k-2"><div class="kommentar__kopf"><span class="kommentar__nutzer">Ute B.</span>
    <span class="kommentar__zeit">gestern</span></div>
    <div class="kommentar__text"><p>Hoffentlich hält sie diesmal länger.</p></div>
    <div class="kommentar__aktionen"><button>Antworten</button></div></div>
</section>
"""


def test_german_relative_dates_resolve_against_fetch_time() -> None:
    tree, _sections, comments = _comments(_page(GERMAN), language="de")
    assert [c.author for c in comments] == ["Radler_LF", "Ute B."]
    assert [c.published_raw for c in comments] == ["vor 3 Tagen", "gestern"]
    assert comments[0].published is not None
    assert comments[0].published.date() == (FETCHED - timedelta(days=3)).date()
    assert comments[1].published is not None
    assert comments[1].published.date() == (FETCHED - timedelta(days=1)).date()
    assert all("Antworten" not in c.text and "Melden" not in c.text for c in comments)
    assert declared_comment_count(tree) == 2


EMPTY_SECTION = """
<div id="comments" class="comments-area">
  <h3 class="comments-title">0 Comments</h3>
  <p class="no-comments">Be the first to comment.</p>
  <div id="respond"><h3>Leave a Reply</h3>
  <form id="commentform" action="/wp-comments-post.php"><textarea name="comment"></textarea></form></div>
</div>
"""


def test_empty_comment_section() -> None:
    tree, sections, comments = _comments(_page(EMPTY_SECTION))
    assert comments == []
    assert sections
    assert all("bolts" not in s.text_content() for s in sections)
    assert declared_comment_count(tree) == 0


FORM_ONLY = """
<div class="comment-box"><h4>Write new comment:</h4>
  <form class="comment-form" action="/api/comments" method="post">
    <textarea name="text"></textarea><p class="hint">All changes will be saved. No drafts are saved when editing</p>
    <button type="submit">Send</button></form></div>
"""


def test_comment_form_only_gives_no_comments_and_stays_out_of_body() -> None:
    _tree, sections, comments = _comments(_page(FORM_ONLY))
    assert comments == []
    assert len(sections) == 1
    article = extract_article(_page(FORM_ONLY), fetched_at=FETCHED)
    assert article.comments == []
    assert "Write new comment" not in article.body
    assert "No drafts are saved" not in article.body
    assert "four hundred bolts" in article.body


def test_plain_article_is_never_a_comment() -> None:
    related = """<aside class="related"><h3>More news</h3><ul>
      <li class="post"><h4><a href="/n/1">Tram line extended to the airport terminal</a></h4><span>March 2, 2024</span></li>
      <li class="post"><h4><a href="/n/2">New library opens its doors in the old mill</a></h4><span>March 3, 2024</span></li>
      </ul></aside>"""
    _tree, sections, comments = _comments(_page(related))
    assert comments == []
    assert sections == []


DEFINITION_LIST = """
<div id="comments"><h3>2 comments</h3><dl id="comment_list">
  <dt class="comment" id="comment-1"><span class="comment_author">Natalia</span> <span class="comment_time">March 5, 2024 at 8:28 pm</span></dt>
  <dd class="comment"><p>Wonderful story, thank you for writing it.</p><p class="reply"><a href="#respond">Reply</a></p></dd>
  <dt class="comment" id="comment-2"><span class="comment_author">Susana</span> <span class="comment_time">March 6, 2024 at 4:43 pm</span></dt>
  <dd class="comment"><p>Enjoy the holidays!</p></dd>
</dl></div>
"""


def test_definition_list_layout_pairs_meta_and_text() -> None:
    _tree, _sections, comments = _comments(_page(DEFINITION_LIST))
    assert [(c.author, c.text) for c in comments] == [
        ("Natalia", "Wonderful story, thank you for writing it."),
        ("Susana", "Enjoy the holidays!"),
    ]
    assert comments[1].published_raw == "March 6, 2024 at 4:43 pm"


FLAT_REPLIES = """
<div class="comments"><h3>Comments</h3>
  <div class="comment" id="c-1"><span class="author">Mara</span> <span class="date">05.03.2024</span>
    <div class="text"><p>Who paid for the repairs?</p></div></div>
  <div class="comment" id="c-2"><span class="author">Olaf</span> <span class="date">06.03.2024</span>
    <div class="text"><p>In reply to <a href="#c-1">Mara</a>: the state and the city split the cost.</p></div></div>
</div>
"""


def test_in_reply_to_link_threads_flat_comments() -> None:
    _tree, _sections, comments = _comments(_page(FLAT_REPLIES))
    assert [c.id for c in comments] == ["c-1", "c-2"]
    assert comments[1].parent_id == "c-1"
    assert comments[1].depth == 1
    assert comments[0].published is not None
    assert comments[0].published.date().isoformat() == "2024-03-05"


def test_ids_are_stable_hashes_when_the_page_has_none() -> None:
    html = _page(NEWS_VOTES.replace(' data-comment-id="501"', "").replace(' data-comment-id="502"', ""))
    first = [c.id for c in _comments(html)[2]]
    second = [c.id for c in _comments(html)[2]]
    assert first == second
    assert len(set(first)) == 3
    assert first[2] == "503"


def test_no_body_returns_nothing() -> None:
    tree = parse_html("")
    assert find_comment_sections(tree) == []
    assert extract_comments([]) == ([], [])
    assert declared_comment_count(tree) is None


# ---------------------------------------------------------------- the article is never a comment section


def _holds_article(sections: list) -> bool:
    return any("four hundred bolts" in s.text_content() for s in sections)


def test_article_inside_a_comment_named_wrapper_is_never_excluded() -> None:
    """A theme names the content column "comments" and puts the article and its comments
    in it, flat: the section may hold the comments, never the article."""
    article = ARTICLE.replace("<article", "<div").replace("</article>", "</div>")
    comments = """
      <div class="comment" id="comment-1"><span class="author">Mara</span> <span class="date">March 2, 2024</span>
        <p>Who paid for the repairs? The council never said how much it cost in the end.</p></div>
      <div class="comment" id="comment-2"><span class="author">Olaf</span> <span class="date">March 3, 2024</span>
        <p>The state and the city split the cost, according to the local paper.</p></div>"""
    more = "".join(
        f"""<div class="comment" id="comment-{n}"><span class="author">Reader {n}</span>
          <span class="date">March {n}, 2024</span><p>{"I drive over the bridge every day and the detour was long. " * 6}</p></div>"""
        for n in range(3, 9)
    )  # the comments outweigh the article, as on busy pages
    html = (
        f"<html><head><title>Harbour bridge reopens after repairs</title></head><body>"
        f"<div class='comments-wrap' id='comments'>{article}{comments}{more}</div></body></html>"
    )
    _tree, sections, found = _comments(html)
    assert [c.author for c in found][:2] == ["Mara", "Olaf"]
    assert len(found) == 8
    assert not _holds_article(sections)
    result = extract_article(html, fetched_at=FETCHED)
    assert "four hundred bolts" in result.body
    assert "split the cost" not in result.body


def test_item_holding_the_headline_is_the_article_not_a_comment() -> None:
    """A blog post marked up like its comments ("post" class, byline with a date) and
    holding the page's headline and the replies is the article itself."""
    html = """<html><head><title>Coffee logs for the fireplace</title></head><body><div id="content">
      <div class="post article"><h1>Coffee logs for the fireplace</h1>
        <p class="meta">Posted by <a href="/author/ann">Ann Lee</a> / March 1, 2024</p>
        <p>Logs pressed from used coffee grounds burn longer than wood, a local maker says.</p>
        <p>They cost a little more but leave almost no ash behind in the grate.</p>
        <div class="replies">
          <div class="post"><p class="meta"><a href="/user/dan">Dan</a> / March 2, 2024</p>
            <p>Where can I order these directly from the maker?</p></div>
        </div></div></div></body></html>"""
    _tree, sections, found = _comments(html)
    assert [c.author for c in found] == ["Dan"]
    assert all("almost no ash" not in s.text_content() for s in sections)
    assert "almost no ash" in extract_article(html, fetched_at=FETCHED).body


def test_page_wrapping_form_is_not_a_section() -> None:
    """ASP.NET wraps the whole page in one <form>; only the comment box inside counts."""
    inner = (
        ARTICLE
        + """
      <div class="comment-entry"><h4>Add your comment</h4>
        <textarea name="ctl00$CommentText" id="CommentText"></textarea>
        <input type="submit" value="Post"></div>"""
    )
    html = f"<html><head><title>t</title></head><body><form id='Form' method='post' action='page.aspx'>{inner}</form></body></html>"
    _tree, sections, found = _comments(html)
    assert found == []
    assert sections
    assert all(s.tag != "form" for s in sections)
    assert not _holds_article(sections)
    result = extract_article(html, fetched_at=FETCHED)
    assert "four hundred bolts" in result.body
    assert "Add your comment" not in result.body


FOOTER_LINES = """
<h2 class="entry-title">Harbour bridge reopens after repairs</h2>
<p>The harbour bridge reopened on Friday after eight months of repairs to its steel deck and railings.</p>
<p>Engineers replaced more than four hundred bolts and repainted the towers, the city council said.</p>
<p class="posted">Posted by Jane Roe on March 1, 2024 | <a href="/p/7">Permalink</a></p>
<h2>Comments</h2>
<a id="c101"></a>
<p>Finally open again. My commute was twice as long while it was closed.</p>
<p>Thanks to the crews who worked through the winter.</p>
<p class="posted">Posted by: Alice Hart | Mar 2, 2024 9:15:00 AM</p>
<a id="c102"></a>
<p>The ferry was packed every single morning, glad that is over.</p>
<p class="posted">Posted by: Bo Lind | Mar 2, 2024 10:00:00 AM</p>
"""


def test_footer_line_comments_take_the_paragraphs_above_them() -> None:
    """Blog engines print each comment as paragraphs closed by 'Posted by: name | date'."""
    html = f"<html><head><title>Harbour bridge reopens after repairs</title></head><body><div id='main'>{FOOTER_LINES}</div></body></html>"
    _tree, _sections, found = _comments(html)
    assert [(c.author, c.published.date().isoformat() if c.published else None) for c in found] == [
        ("Alice Hart", "2024-03-02"),
        ("Bo Lind", "2024-03-02"),
    ]
    assert found[0].text.startswith("Finally open again.")
    assert "Thanks to the crews" in found[0].text
    assert all("four hundred bolts" not in c.text for c in found)
    result = extract_article(html, fetched_at=FETCHED)
    assert "four hundred bolts" in result.body
    assert "packed every single morning" not in result.body


def test_year_less_and_numeric_comment_dates_read_without_the_slow_parser() -> None:
    from extractor.core.dates import parse_date

    assert parse_date("Tuesday July 24, 11:35AM", language="en", fetched_at=FETCHED) == datetime(
        2023, 7, 24, 11, 35, tzinfo=timezone.utc
    )  # July 2024 would lie after the fetch
    assert parse_date("Thursday, February 8 at 4:12 pm", language="en", fetched_at=FETCHED) == datetime(
        2024, 2, 8, 16, 12, tzinfo=timezone.utc
    )
    assert parse_date("10/29/12 2:29 PM", language="en", fetched_at=FETCHED) == datetime(
        2012, 10, 29, 14, 29, tzinfo=timezone.utc
    )
    assert parse_date("07.15.12 at 11:59", language="en", fetched_at=FETCHED) == datetime(
        2012, 7, 15, 11, 59, tzinfo=timezone.utc
    )
    assert parse_date("about 1 hour ago", language="en", fetched_at=FETCHED) == FETCHED - timedelta(hours=1)


def test_clock_only_stamp_is_the_latest_such_time_before_the_fetch() -> None:
    from extractor.core.dates import parse_date

    fetched = datetime(2024, 3, 5, 18, 0, tzinfo=timezone.utc)
    assert parse_date("7:28 PM", language="en", fetched_at=fetched) == datetime(
        2024, 3, 4, 19, 28, tzinfo=timezone.utc
    )
    assert parse_date("09:05", language="de", fetched_at=fetched) == datetime(
        2024, 3, 5, 9, 5, tzinfo=timezone.utc
    )


def test_quote_marks_before_a_comment_stamp_do_not_hide_the_date() -> None:
    html = (
        """<div class="comments">"""
        + "".join(
            f"""<div class="comment"><span class="comment-author">Reader {n}</span>
        <span class="comment-meta">&gt; on Tuesday July 2{n}, 08:5{n}AM</span>
        <p>Comment number {n} says something about the bridge works.</p></div>"""
            for n in range(1, 4)
        )
        + "</div>"
    )
    article = extract_article(_page(html), fetched_at=FETCHED)
    assert [c.published for c in article.comments] == [
        datetime(2023, 7, 20 + n, 8, 50 + n, tzinfo=timezone.utc) for n in range(1, 4)
    ]


def test_comments_off_skips_records_and_declared_count_from_markup() -> None:
    on = extract_article(_page(WORDPRESS), fetched_at=FETCHED)
    off = extract_article(_page(WORDPRESS), fetched_at=FETCHED, comments=False)
    assert len(on.comments) == 3
    assert off.comments == []
    assert off.headline == on.headline
    assert "bolts" in off.body


def test_plain_text_head_line_names_the_author_and_dates_the_comment() -> None:
    html = (
        """<div class="kommentare"><h2>Kommentare</h2>"""
        + "".join(
            f"""<div class="kommentar"><div class="kopfzeile">{name} schrieb am 0{n}.06.2022 um 1{n}:05:</div>
        <p>Der Beitrag Nummer {n} sagt etwas über die Brücke und den Verkehr.</p></div>"""
            for n, name in enumerate(["Leser_Berlin", "mk1975", "Anna K."], start=1)
        )
        + "</div>"
    )
    article = extract_article(_page(html), fetched_at=FETCHED)
    assert [c.author for c in article.comments] == ["Leser_Berlin", "mk1975", "Anna K."]
    assert [(c.published.day, c.published.hour) for c in article.comments] == [(1, 11), (2, 12), (3, 13)]
    assert all("schrieb" not in c.text for c in article.comments)


def test_a_sentence_with_wrote_is_not_a_head_line() -> None:
    from extractor.comments.detect import wrote_name
    from extractor.core.tree import parse_html

    tree = parse_html("<div><p>My son wrote to the council twice.</p><p>Ann wrote:</p></div>")
    first, second = tree.findall(".//p")
    assert wrote_name(first) is None
    assert wrote_name(second) == "Ann"


def test_section_headings_and_rating_prompts_stay_out_of_a_wide_item() -> None:
    from extractor.comments.text import render
    from extractor.core.tree import parse_html

    item = parse_html("""<div><h3>1 Comment</h3><p>Nice cards, I prefer the illustrations.</p>
        <span>Rate This:</span><h3>Leave a Reply</h3><h4>Why the cards work</h4></div>""").find(".//div")
    assert render(item, set()).split("\n") == [
        "Nice cards, I prefer the illustrations.",
        "Why the cards work",
    ]


def test_byline_leftover_with_a_writes_verb_is_dropped() -> None:
    from extractor.comments import hints

    assert hints.BYLINE_LEFTOVER.match("by writes:")
    assert hints.BYLINE_LEFTOVER.match(
        "by on reply"
    )  # "by <name> on <date> reply" once name and date are out
    assert not hints.BYLINE_LEFTOVER.match("by the way")
    assert hints.BYLINE_LEFTOVER.match("Posted by")
    assert not hints.BYLINE_LEFTOVER.match("He wrote a book about it")


def test_head_box_items_widen_to_the_wrapper_holding_the_words() -> None:
    """A comment drawn as a head box (title, name) and a body box inside one wrapper: the
    record's text is the body's words, not the head line."""

    def one(n: int, replies: str = "") -> str:
        return f"""<li class="comment"><div class="cw">
          <div class="commentTop" id="comment_top_{n}"><h4><a href="#c{n}">Re: point {n}</a></h4>
            <div class="details"><span class="by">by <a href="/~reader{n}">reader{n}</a></span></div></div>
          <div class="commentBody"><p>Reader {n} thinks the harbour plan needs a second look.</p></div>
        </div>{replies}</li>"""

    collapsed = "".join(f'<li class="comment hidden"><a href="#h{n}">Re: more</a></li>' for n in range(6))
    html = (
        '<ul class="comment-listing">'
        + one(1, f'<ul class="thread">{one(2)}{one(3)}</ul>')
        + one(4)
        + one(5)
        + collapsed
        + "</ul>"
    )  # collapsed replies: the wrappers' group is mostly empty
    article = extract_article(_page(html), fetched_at=FETCHED)
    texts = [c.text for c in article.comments]
    assert len(texts) == 5
    assert all(f"Reader {n} thinks" in t for n, t in zip((1, 2, 3, 4, 5), texts, strict=True))


def test_a_line_of_controls_run_together_is_dropped_but_words_stay() -> None:
    from extractor.comments.records import control_line

    assert control_line("History | |")
    assert control_line("Like · Reply · 5")
    assert not control_line("I agree | mostly")
    assert not control_line("Thanks!")


def test_account_statistics_are_not_author_names() -> None:
    from extractor.comments.records import is_label
    from extractor.core.tree import parse_html

    tree = parse_html(
        '<div><a class="user-fans" href="/u/7">152 Fans</a><a class="user" href="/u/7">savory1</a></div>'
    )
    stat, name = tree.findall(".//a")
    assert is_label(stat)
    assert not is_label(name)


def test_declared_count_skips_subtrees_already_read() -> None:
    """The page pass after a fruitless section pass leaves the sections out, and still
    finds a count elsewhere (a header link) in page order."""
    tree = parse_html(
        "<html><body><article><h1>Title</h1><p>Text of the article.</p>"
        "<a href='#comments' class='comment-count'>7</a></article>"
        "<section id='comments'><span>2 Comments</span><p>first comment</p></section>"
        "</body></html>"
    )
    section = tree.get_element_by_id("comments")
    assert declared_comment_count(tree) == 7  # the header link comes first in the page
    assert declared_comment_count(tree, read=[tree.find(".//article")]) == 2
    assert declared_comment_count(tree, read=[section, tree.find(".//article")]) is None


def test_declared_count_read_from_text_split_over_elements_and_tails() -> None:
    """The count's digits may sit in a child or in a tail; the element holding the whole
    short text states it, and the first such element in page order wins over one found
    deeper in the page or nested in a longer box."""
    split = parse_html(
        "<html><body><p>Long article text " + "word " * 100 + "</p>"
        "<h3>Comments <span>(5)</span></h3><div><p><b>Comments:</b> 9</p></div></body></html>"
    )
    assert declared_comment_count(split) == 5
    tail = parse_html(
        "<html><body><p>Opening words " + "word " * 100 + "in 2019.</p>"
        "<div class='meta'><p><b>Comments:</b> 9</p></div></body></html>"
    )
    assert declared_comment_count(tail) == 9
    nested_first = parse_html(
        "<html><body><div><h2>12 comments</h2><ul><li><span>3 comments</span></li></ul></div></body></html>"
    )
    assert declared_comment_count(nested_first) == 12


def test_declared_count_in_digits_of_another_script() -> None:
    """Digits outside ASCII count too (int() reads them): the C-level text filter lets
    every non-ASCII text through to the digit test."""
    tree = parse_html(
        "<html><body><p>مقال</p><a href='#comments' class='comments-link'>\u0665</a></body></html>"
    )
    assert declared_comment_count(tree) == 5


def test_one_comment_list_yields_the_comment_not_its_wrapper() -> None:
    """With a single comment there is no second item to give the list's wrapper away as a
    container; its "1 Comments" heading does. The wrapper also holds the form, whose name
    field reads as an author mark, so it looked the better item: the record must be the
    comment itself (its own id, its head-line author), not the wrapper."""
    page = (
        "<html><body><article><h1>Launch party next week</h1>"
        "<p>"
        + "The launch party takes place at the old harbour hall next Friday evening. "
        * 4
        + "</p></article>"
        "<div id='comments' class='comments'><h2 class='comments-header'>1 Comments</h2>"
        "<div class='comments-content'>"
        "<div class='comment-odd' id='comment-5501'><div class='inner'>"
        "<div class='comment-header'>Ben said:</div>"
        "<div class='comment-content'><p>I might be in town for this one, even without a ticket yet.</p></div>"
        "<div class='comment-footer'><a href='#comment-5501' title='Permalink to this comment'>"
        "March 2, 2024 3:30 PM</a></div></div></div></div>"
        "<div class='comments-open' id='comments-open'><h2>Post a comment</h2>"
        "<form method='post' action='/cgi-bin/comments.cgi'>"
        "<div id='comment-form-name'><label for='comment-author'>Name</label><input id='comment-author' name='author'></div>"
        "<textarea name='text'></textarea></form></div>"
        "</div></body></html>"
    )
    article = extract_article(page, fetched_at=FETCHED)
    assert [(c.id, c.author, c.text) for c in article.comments] == [
        ("comment-5501", "Ben", "I might be in town for this one, even without a ticket yet.")
    ]
    assert article.comments[0].published == datetime(2024, 3, 2, 15, 30, tzinfo=timezone.utc)


def _recent_comments_widget() -> str:
    """A sidebar widget quoting the latest comments under other posts, each dated and linked
    to its comment there (the markup of common WordPress 'recent comments' widgets)."""
    entries = [
        (
            "July 27, 2024",
            "Tess",
            "/lung-health-basics/#comment-106",
            "Smoking is a big contributor, people know it is bad...",
        ),
        (
            "July 21, 2024",
            "Trish",
            "/back-pain-in-pregnancy/#comment-98",
            "Glad I am done with this stage, three kids and backaches...",
        ),
        (
            "July 19, 2024",
            "Rovie",
            "/posture-at-work/#comment-91",
            "I have a poor posture and will try the exercises you list...",
        ),
        (
            "July 12, 2024",
            "Mo",
            "/sleep-and-screens/#comment-77",
            "Switching the phone off an hour before bed changed my nights...",
        ),
    ]
    items = "".join(
        f"<li class='hentry-thumb hentry-thumb-comment'><span class='hentry-thumb-meta'>{day}</span>"
        f"<span class='hentry-thumb-title'>{name} <span>&mdash;</span> <a href='http://example.org{href}'>{text}</a></span></li>"
        for day, name, href, text in entries
    )
    return f"<div id='recent_comments-2' class='recent_comments widget'><h3>Recent Comments</h3><ul>{items}</ul></div>"


def test_recent_comments_widget_is_no_comment_section_nor_body() -> None:
    """Comments quoted from other posts are not this page's comments, and stay out of its text."""
    page = (
        "<html><body><div id='content'><article><h1>Stretching at your desk</h1>"
        "<p>" + "Five short stretches loosen the neck and shoulders during a long working day. " * 5 + "</p>"
        "</article></div><aside id='sidebar'>" + _recent_comments_widget() + "</aside></body></html>"
    )
    article = extract_article(page, fetched_at=FETCHED)
    assert article.comments == []
    assert "poor posture" not in "\n".join(block.text for block in article.blocks)


def test_own_comments_kept_beside_a_recent_comments_widget() -> None:
    page = (
        "<html><body><div id='content'>"
        + ARTICLE.split('<div class="entry-content">')[0]
        + "</article></div><aside id='sidebar'>"
        + _recent_comments_widget()
        + "</aside>"
        "<ol class='commentlist'>"
        + "".join(
            f"<li class='comment' id='comment-{n}'><div class='comment-author'><cite class='fn'>{name}</cite></div>"
            f"<div class='comment-meta'><a href='#comment-{n}'>March {n}, 2024 at 10:00 am</a></div>"
            f"<p>{text}</p><a class='comment-reply-link' href='/harbour-bridge/?replytocom={n}#respond'>Reply</a></li>"
            for n, name, text in (
                (2, "Ann", "Good to hear the bridge is open again before the summer."),
                (3, "Bo", "The new railings look much safer for cyclists too."),
                (4, "Cy", "Eight months felt long, but the result is worth it."),
            )
        )
        + "</ol></body></html>"
    )
    article = extract_article(page, fetched_at=FETCHED)
    assert [c.author for c in article.comments] == ["Ann", "Bo", "Cy"]
    assert [c.id for c in article.comments] == ["comment-2", "comment-3", "comment-4"]


def test_forum_posts_linking_to_other_posts_of_the_thread_stay_comments() -> None:
    """Permalinks and quote sources that name a post on this page ('/discussion/comment/101
    #Comment_101', as Vanilla forums write them) are links within the thread, however many
    different addresses they use: the posts are not a widget of other pages' comments."""
    posts = []
    for n, (name, text) in enumerate(
        (
            ("ann", "Does the new firmware fix the battery drain on older units?"),
            ("bo", "It did for me, after a full reset and one night of charging."),
            ("cy", "Same here, though the first boot took a few minutes longer."),
            ("dee", "Thanks all, updating tonight and will report back here."),
        ),
        start=101,
    ):
        quote = (
            f"<blockquote class='Quote'><a href='/discussion/comment/{n - 1}#Comment_{n - 1}'>quoted</a></blockquote>"
            if n > 101
            else ""
        )
        posts.append(
            f"<li class='Item ItemComment' id='Comment_{n}'><div class='Author'><a class='Username' href='/profile/{name}'>{name}</a></div>"
            f"<div class='Meta'><a class='Permalink' href='/discussion/comment/{n}#Comment_{n}'>"
            f"<time datetime='2024-03-0{n - 100}T10:00:00+00:00'>March {n - 100}, 2024</time></a></div>"
            f"<div class='Message'>{quote}{text}</div></li>"
        )
    page = (
        "<html><body><h1>Battery drain after update</h1><ul class='MessageList DataList Comments'>"
        + "".join(posts)
        + "</ul></body></html>"
    )
    article = extract_article(page, fetched_at=FETCHED)
    assert [c.author for c in article.comments] == ["ann", "bo", "cy", "dee"]


def test_definition_list_comments_with_replies_inside_the_dd() -> None:
    """<dt> head + <dd> words, replies in a <dl> inside the parent's <dd> (the Thesis theme's
    comment list): every reply is a record of its own, threaded under its parent, and the
    parent's text is its own words, not its reply's."""

    def entry(n: int, name: str, text: str, replies: str = "") -> str:
        children = f"<dl class='children'>{replies}</dl>" if replies else ""
        return (
            f"<dt class='comment' id='comment-{n}'><span class='comment_author'>{name}</span> "
            f"<a href='#comment-{n}'>March {n % 28 + 1}, 2024</a></dt>"
            f"<dd class='comment'><div class='format_text'><p>{text}</p></div>{children}</dd>"
        )

    comments = (
        entry(
            1,
            "Robert",
            "The update does not show up in my dashboard yet.",
            entry(3, "Chris", "It will appear within the next day, the rollout is gradual and automatic.")
            + entry(
                4,
                "Robert",
                "Thanks, it is there now.",
                entry(5, "Mia", "Same for me, worked fine after a reload."),
            ),
        ),
        entry(2, "Thomas", "These updates look great, especially the new preview mode."),
    )
    page = (
        "<html><body><article><h1>Version two is out</h1><p>"
        + "The second version brings a faster editor. " * 6
        + "</p></article><div id='comments'><dl id='comment_list'>"
        + "".join(comments)
        + "</dl></div></body></html>"
    )
    article = extract_article(page, fetched_at=FETCHED)
    got = [(c.id, c.author, c.parent_id, c.depth, c.text) for c in article.comments]
    assert got == [
        ("comment-1", "Robert", None, 0, "The update does not show up in my dashboard yet."),
        (
            "comment-3",
            "Chris",
            "comment-1",
            1,
            "It will appear within the next day, the rollout is gradual and automatic.",
        ),
        ("comment-4", "Robert", "comment-1", 1, "Thanks, it is there now."),
        ("comment-5", "Mia", "comment-4", 2, "Same for me, worked fine after a reload."),
        ("comment-2", "Thomas", None, 0, "These updates look great, especially the new preview mode."),
    ]


def test_definition_list_heads_with_plain_name_and_date() -> None:
    """'1. Ann Lee - October 26, 2012' in the <dt>, the words in the <dd>, no markup naming
    anything but the comment region: the head gives the author and date and stays out of
    the text, and a comment that is mostly a link does not sink the list."""
    heads = [
        ("Ann Lee - Leeds", "Bridge sets always looked empty to me, not many stations."),
        ("The Keeper", "One of the least interesting bridges, but a great lounge."),
        ("CmdrR", "A knock-off built years later, though I commend the loyalty."),
        ("Orb", "Still, it is good that someone keeps these sets from the skip."),
        ("Zed", "<a href='http://example.net/gallery'>http://example.net/gallery</a>"),
    ]
    entries = "".join(
        f"<dt class=''><a href='#c{n}'>{n}.</a> {name} - October {n + 20}, 2012</dt>"
        f"<dd class=''><p>{text}</p></dd>"
        for n, (name, text) in enumerate(heads, start=1)
    )
    page = (
        "<html><body><article><h1>Saving the bridge set</h1><p>"
        + "Volunteers restore a studio set piece by piece. " * 6
        + "</p></article><div id='comments'><h2>Comments</h2><dl>"
        + entries
        + "</dl></div></body></html>"
    )
    article = extract_article(page, fetched_at=FETCHED)
    assert [c.author for c in article.comments] == ["Ann Lee - Leeds", "The Keeper", "CmdrR", "Orb", "Zed"]
    assert article.comments[0].text == "Bridge sets always looked empty to me, not many stations."
    assert article.comments[2].published == datetime(2012, 10, 23, tzinfo=timezone.utc)
    assert "not many stations" not in "\n".join(block.text for block in article.blocks)


def test_timeline_definition_list_in_an_article_is_no_comment_list() -> None:
    """The same 'Name - date' heads in a definition list outside any comment region (a
    timeline of events) are the article's text."""
    events = "".join(
        f"<dt>Stage {n} - March {n}, 2024</dt><dd><p>Crews closed lane {n} and replaced the deck plates "
        f"over a long weekend of work.</p></dd>"
        for n in range(1, 6)
    )
    page = (
        "<html><body><article><h1>Bridge repairs, step by step</h1><p>"
        + "The repairs ran in stages. " * 8
        + "</p><dl class='timeline'>"
        + events
        + "</dl></article></body></html>"
    )
    article = extract_article(page, fetched_at=FETCHED)
    assert article.comments == []
    assert "replaced the deck plates" in "\n".join(block.text for block in article.blocks)


def test_unnamed_table_posts_beside_an_emptied_table_are_found() -> None:
    # An old table-layout forum: posts are classless <table>s in one container, and a
    # misplaced <center> inside a table (which a browser moves out) leaves an empty
    # <table> among them; that empty box must not dilute the group's dated share.
    posts = "".join(
        f"<a name='{n}'></a><table width='80%'><tr><td><b>By</b> <a href='/u/{n}'>member{n}</a> "
        f"<b>On</b> 2019.08.0{n} 15:35</td></tr><tr><td>Post number {n} says the new tremor "
        f"medication helped a little in the mornings but not in the evenings.</td></tr></table><p>"
        for n in range(1, 5)
    )
    html = f"""<html><body><div><center><table><center><b>Topic</b> Driving</center></table>
    <table width='80%'><tr><td><a href='/'>Home</a> [Forum] [Help]</td></tr></table><br>
    {posts}</center></div></body></html>"""
    article = extract_article(html, fetched_at=datetime(2019, 9, 1, tzinfo=timezone.utc))
    assert [c.author for c in article.comments] == ["member1", "member2", "member3", "member4"]


# -- links in records are absolute when the page's address is known (issue 16, case 9b) ----


def test_permalinks_and_author_links_resolve_against_the_page_url() -> None:
    article = extract_article(
        _page(NEWS_VOTES), "https://news.example/2024/bridge?page=2", fetched_at=FETCHED
    )
    first = article.comments[0]
    assert first.author_url == "https://news.example/users/kmiller"
    assert first.permalink == "https://news.example/2024/bridge?page=2#c501"
    wordpress = extract_article(_page(WORDPRESS), "https://blog.example/2024/03/bridge/", fetched_at=FETCHED)
    assert [c.permalink for c in wordpress.comments] == [
        f"https://blog.example/2024/03/bridge/#comment-{n}" for n in (11, 12, 13)
    ]
    assert wordpress.comments[0].author_url == "https://alice.example"  # already absolute: unchanged


def test_links_resolve_against_the_canonical_url_when_no_url_is_given() -> None:
    head = "<link rel='canonical' href='https://news.example/2024/bridge'><meta property='og:image' content='/img/og.jpg'>"
    html = _page(NEWS_VOTES).replace("<title>t</title>", f"<title>t</title>{head}")
    article = extract_article(html, fetched_at=FETCHED)
    assert article.url is None
    assert article.canonical_url == "https://news.example/2024/bridge"
    assert article.comments[0].author_url == "https://news.example/users/kmiller"
    assert article.comments[0].permalink == "https://news.example/2024/bridge#c501"
    assert [i.src for i in article.images] == ["https://news.example/img/og.jpg"]


def test_links_stay_as_written_without_any_page_address() -> None:
    article = extract_article(_page(NEWS_VOTES), fetched_at=FETCHED)
    assert article.comments[0].author_url == "/users/kmiller"  # nothing to resolve against
    assert article.comments[0].permalink == "#c501"


def test_a_malformed_link_costs_the_field_not_the_record() -> None:
    bad = (
        '<link rel="canonical" href="http://[oops/x"><meta property="og:image" content="http://[oops/i.png">'
    )
    html = _page(NEWS_VOTES.replace('href="/users/kmiller"', 'href="http://[oops/u"')).replace(
        "<title>t</title>", f"<title>t</title>{bad}"
    )
    article = extract_article(html, "https://news.example/a", fetched_at=FETCHED)
    assert "bolts" in article.body
    assert len(article.comments) == 3
    assert article.canonical_url == "http://[oops/x"
    assert article.comments[0].author_url == "http://[oops/u"


# -- found by the fuzzing harness (tests/test_fuzz_extract.py) ------------------------------


def _thread_item(
    cid: str | None, text: str, extra: str = "", inner: str = "", parent: str | None = None
) -> str:
    attrs = (f' id="{cid}"' if cid else "") + (f' data-parent-id="{parent}"' if parent else "")
    return (
        f'<li class="comment"{attrs}><div class="comment-author">Ann Lee</div>'
        f'<time datetime="2024-03-09T10:00:00Z">March 9, 2024</time>{extra}'
        f'<div class="comment-body"><p>{text}</p></div>{inner}</li>'
    )


def test_a_reply_marker_never_closes_a_loop() -> None:
    """A comment marked 'in reply to' its own nested reply was made that reply's child while
    the reply, by nesting, was its child: a loop, each the other's parent."""
    reply = _thread_item("c1", "The nested reply to the first comment, with some words.")
    first = _thread_item(
        None,
        "The first comment of the thread, with some words.",
        '<a href="#c1">in reply to Ann</a> ',
        f'<ol class="children">{reply}</ol>',
    )
    comments = extract_article(
        _page(f'<section id="comments" class="comments"><ol>{first}</ol></section>')
    ).comments
    assert [(c.parent_id, c.depth) for c in comments] == [(None, 0), (comments[0].id, 1)]


def test_depth_counts_ancestors_when_replies_come_before_their_parents() -> None:
    """Newest first: a reply is shown before the comment it answers; its depth was counted
    from its parent's depth before that parent had one (1 where it is 2)."""
    items = (
        _thread_item("c3", "Third, a reply to the second comment of this thread.", parent="c2")
        + _thread_item("c1", "First, the comment that opened this thread of replies.")
        + _thread_item("c2", "Second, a reply to the first comment of this thread.", parent="c1")
    )
    comments = extract_article(
        _page(f'<section id="comments" class="comments"><ol>{items}</ol></section>')
    ).comments
    assert [(c.id, c.parent_id, c.depth) for c in comments] == [
        ("c3", "c2", 2),
        ("c1", None, 0),
        ("c2", "c1", 1),
    ]
