import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import dash_bootstrap_components as dbc
import pytest
from dash import dcc, html

import app as dashboard
import data
from components import first_view, ids, overlap, page, timeline
from components import map as map_view
from components.first_view import Amendment, to_html
from components.first_view.index import FirstView

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2014, 4, 24)


# The renderer: a component tree as static HTML.


def test_html_components_are_written_as_their_elements_with_classes_text_and_attributes():
    tree = html.Div(
        [
            html.H2("Maps & <tables>", className="h6"),
            html.Br(),
            html.Span(3, style={"backgroundColor": "#fff"}),
        ],
        id="kept-out",
        className="box",
        role="region",
        hidden=False,
        **{"aria-label": 'A "quoted" label', "data-kind": "x"},
    )
    assert to_html(tree) == (
        '<div class="box" role="region" aria-label="A &quot;quoted&quot; label" data-kind="x">'
        '<h2 class="h6">Maps &amp; &lt;tables&gt;</h2><br><span style="background-color: #fff">3</span></div>'
    )


def test_what_takes_clicks_is_written_as_text_and_ids_stay_dash_s():
    tree = [html.Button("×", id="close", hidden=True, type="button"), html.A("Source", href="https://x.org")]
    assert to_html(tree) == "<span hidden>×</span><span>Source</span>"


def test_bootstrap_components_are_written_as_the_markup_they_render():
    tree = dbc.Row(
        [
            dbc.Col(dbc.Card([dbc.CardHeader("Head"), dbc.CardBody("Body", className="p-2")]), xs=12, lg=5),
            dbc.Col(
                dbc.ButtonGroup(
                    [
                        dbc.Button("PNG", color="secondary", outline=True, size="sm", className="py-0"),
                        dbc.Button("Go"),
                    ],
                    size="sm",
                )
            ),
        ],
        className="g-3",
    )
    assert to_html(tree) == (
        '<div class="row g-3"><div class="col-12 col-lg-5"><div class="card"><div class="card-header">Head</div>'
        '<div class="card-body p-2">Body</div></div></div><div class="col"><div class="btn-group btn-group-sm">'
        '<span class="btn btn-outline-secondary btn-sm py-0">PNG</span><span class="btn btn-primary">Go</span>'
        "</div></div></div>"
    )


def test_controls_react_draws_get_only_their_place_and_invisible_ones_nothing():
    options = [{"label": "Light", "value": "light"}, {"label": "Dark", "value": "dark"}]
    tree = html.Div(
        [
            dcc.Store(id="s", data=[1]),
            dcc.Location(id="url"),
            dcc.Graph(id="g", figure={"data": []}, className="view-graph"),
            dcc.Dropdown(options=["a"], className="picker"),
            dbc.Select(options=options, value="dark", size="sm", className="theme"),
            dbc.Modal(dbc.ModalBody("Hidden until opened")),
        ]
    )
    assert to_html(tree) == (
        '<div><div class="view-graph"></div><div class="picker"></div>'
        '<span class="form-select form-select-sm theme">Dark</span></div>'
    )


def test_amendments_add_classes_and_attributes_or_leave_out_the_children_and_the_tree_is_only_read():
    tree = html.Section([html.P("inside", id="p")], className="bar")
    before = repr(tree)

    def amend(component):
        if component.className == "bar":
            return Amendment(classes="empty", attributes={"data-x": "1"}, hollow=True)
        return None

    assert to_html(tree, amend=amend) == '<section class="bar empty" data-x="1"></section>'
    assert repr(tree) == before


# The picture: written from the layout the app serves.


@pytest.fixture(scope="module")
def dataset():
    return data.bundled_dataset()


def picture(dataset):
    return first_view.skeleton(page.layout(dataset, today=TODAY))


def test_the_picture_has_a_place_for_each_view_hidden_from_screen_readers(dataset):
    markup = picture(dataset)
    places = re.findall(r'<div class="([^"]+)" data-view="([^"]+)" aria-hidden="true">', markup)
    assert [view for _, view in places] == [ids.MAP_GRAPH, ids.OVERLAP_GRAPH, ids.TIMELINE_GRAPH]
    # in the classes that size the real graphs (assets/style.css)
    assert [classes for classes, _ in places] == [
        "view-graph view-graph--map",
        "view-graph view-graph--overlap",
        "view-graph--timeline",
    ]
    assert markup.startswith('<div id="first-view" class="first-view" aria-hidden="true" inert>')
    for title in (map_view.CARD_TITLE, overlap.CARD_TITLE, timeline.CARD_TITLE):
        assert f'<h2 class="h6 m-0">{title}</h2>' in markup
    assert f'<h1 class="h4 mb-1">{page.HEADING}</h1>' in markup
    # the filter bar keeps its place, empty; what changes with the day is written again by draw.js
    assert '<section class="filter-bar first-view__filters" aria-label="Filters"></section>' in markup
    assert re.findall(r'data-component="([^"]+)"', markup) == [ids.VIEW_SUMMARY, ids.TIMELINE_KEY]
    assert " id=" not in markup.removeprefix('<div id="first-view"')  # the ids are Dash's
    assert " tabindex" not in markup and "<button" not in markup and "<a " not in markup


@pytest.mark.parametrize(("view", "name"), [(map_view, "map"), (overlap, "overlap"), (timeline, "timeline")])
def test_the_picture_follows_the_page_a_title_changed_in_its_view_shows_in_both(
    dataset, monkeypatch, view, name
):
    monkeypatch.setattr(view, "CARD_TITLE", "A title & a half")
    layout = page.layout(dataset, today=TODAY)
    markup = first_view.skeleton(layout)
    card = re.search(rf'<div class="card view-card view-card--{name} h-100">.*?</h2>', markup).group(0)
    assert card.endswith('<h2 class="h6 m-0">A title &amp; a half</h2>')
    assert "A title &amp; a half" in to_html(layout)


def test_the_picture_served_is_the_one_of_the_layout_served():
    served = dashboard.app.get_layout()
    page_html = dashboard.server.test_client().get("/").get_data(as_text=True)
    assert first_view.skeleton(served) in page_html


def test_the_head_script_is_the_same_text_wherever_the_app_is_served():
    # The page's policy allows it by hash: the addresses travel as attributes, escaped.
    root = first_view.head_script(layout_url="/_dash-layout", shapes_url="/assets/topojson/world_110m.json")
    prefixed = first_view.head_script(layout_url='/a"b/_dash-layout', shapes_url="/a/assets/x.json")
    body = re.compile(r"<script [^>]*>(.*)</script>", re.S)
    assert body.fullmatch(root).group(1) == body.fullmatch(prefixed).group(1)
    assert 'data-layout="/a&quot;b/_dash-layout"' in prefixed


def test_the_head_script_reads_the_colours_where_dash_s_persistence_keeps_them():
    script = first_view.head_script(layout_url="/_dash-layout", shapes_url="/x.json")
    assert f'data-theme-choice-key="{ids.THEME_CHOICE}.value"' in script
    assert "themeChoiceKey" in script and "theme-choice" not in script.split(">", 1)[1]


# The page's rewrite, an index hook.

STOCK_PAGE = """<html><head><link rel="icon" href="/favicon.ico">
        <link rel="stylesheet" href="/a.css"></head><body>
<div id="react-entry-point">
    <div class="_dash-loading">
        Loading...
    </div>
</div>
        <footer>
            <script id="_dash-config" type="application/json">{}</script>
            <script src="/deps/polyfill@7.js"></script>
<script src="/deps/react.js"></script>
<script src="/assets/plotly/plotly.min.js?m=1"></script>
<script src="/assets/first-view/draw.js?m=2"></script>
<script>inline()</script>
            <script id="_dash-renderer" type="application/javascript">var renderer = new DashRenderer();</script>
        </footer></body></html>"""


def test_the_rewrite_puts_the_picture_first_and_dash_after_it():
    view = FirstView(
        head="<script>head()</script>", body="<div>picture</div>", early_assets=("/x.json",), suites="/s/"
    )
    rewritten = view.rewrite(STOCK_PAGE)
    assert "polyfill" not in rewritten
    assert '<script type="text/plain" data-after-first-view src="/deps/react.js"></script>' in rewritten
    assert rewritten.index("data-after-first-view") < rewritten.index(
        '<script fetchpriority="high" src="/assets/plotly'
    )
    assert "</div>\n<div>picture</div>" in rewritten
    assert "window.blocsStartDash = function () { var renderer = new DashRenderer(); };" in rewritten
    head = rewritten.split("</head>")[0]
    assert head.index('href="/assets/plotly/plotly.min.js?m=1" as="script"') < head.index(
        'href="/x.json" as="fetch"'
    )
    assert head.index("<script>head()</script>") < head.index('<link rel="stylesheet"')


def test_the_hook_is_registered_once_and_rewrites_only_the_pages_of_apps_with_a_picture():
    # In a process of its own: a second app would become Dash's current one in this.
    probe = (
        "import app, dash\n"
        "second = app.create_app(url_prefix='/second/')\n"
        "stock = dash.Dash('stock')\n"
        "stock.layout = dash.html.Div('stock')\n"
        "pages = [a.server.test_client().get(a.config.routes_pathname_prefix).get_data(as_text=True)"
        " for a in (app.app, second, stock)]\n"
        # Each module's hook once (serving's takes the versions out of every hardened page).
        "print(sorted(h.func.__module__ for h in dash.hooks.get_hooks('index')))\n"
        "print(['data-after-first-view' in p for p in pages], ['/second/_dash-layout' in p for p in pages])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, cwd=ROOT, check=True
    )
    assert result.stdout.split("\n")[:2] == [
        "['components.first_view.index', 'serving']",
        "[True, True, False] [False, True, False]",
    ]
