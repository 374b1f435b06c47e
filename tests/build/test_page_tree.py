"""The parse of a page handed from one build step to the next: for that very text only, and once."""

from selectolax.lexbor import LexborHTMLParser

from kakehashi.build import page_tree


def test_the_parse_is_handed_on_with_its_text_once():
    html = "<p>Bonjour</p>"
    tree = LexborHTMLParser(html)
    page_tree.keep(html, tree)
    assert page_tree.take(html) is tree
    assert page_tree.take(html) is None


def test_a_text_changed_in_between_gets_no_parse():
    html = "<p>Bonjour</p>"
    page_tree.keep(html, LexborHTMLParser(html))
    changed = "".join(["<p>Bonjour", "</p>"])  # equal text, but made by another step
    assert changed == html and page_tree.take(changed) is None
    assert page_tree.take(html) is None  # nothing left for a later page either
