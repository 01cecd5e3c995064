import re

from components import first_view, ids, overlap, timeline
from components import map as map_view


def test_the_picture_has_a_place_for_each_view_hidden_from_screen_readers():
    html = first_view.skeleton()
    places = re.findall(r'<div class="([^"]+)" data-view="([^"]+)" aria-hidden="true">', html)
    assert [view for _, view in places] == [ids.MAP_GRAPH, ids.OVERLAP_GRAPH, ids.TIMELINE_GRAPH]
    # in the classes that size the real graphs (assets/style.css)
    assert [classes for classes, _ in places] == [
        "view-graph view-graph--map",
        "view-graph view-graph--overlap",
        "view-graph--timeline",
    ]
    assert html.startswith('<div id="first-view" class="first-view" aria-hidden="true">')
    for title in (map_view.CARD_TITLE, overlap.CARD_TITLE, timeline.CARD_TITLE):
        assert f'<h2 class="h6 m-0">{title}</h2>' in html


def test_the_head_script_is_the_same_text_wherever_the_app_is_served():
    # The page's policy allows it by hash: the addresses travel as attributes, escaped.
    root = first_view.head_script(layout_url="/_dash-layout", shapes_url="/assets/topojson/world_110m.json")
    prefixed = first_view.head_script(layout_url='/a"b/_dash-layout', shapes_url="/a/assets/x.json")
    body = re.compile(r"<script [^>]*>(.*)</script>", re.S)
    assert body.fullmatch(root).group(1) == body.fullmatch(prefixed).group(1)
    assert 'data-layout="/a&quot;b/_dash-layout"' in prefixed
