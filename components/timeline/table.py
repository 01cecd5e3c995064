"""The timeline's table of the events in view: sortable, and downloadable as CSV."""

from __future__ import annotations

import io

import pandas as pd
from dash import html

from data import country_name, vocabulary

from .. import ids

__all__ = ["COLUMNS", "events_csv", "events_table", "sort_events"]

# key: (heading, the column sorted on)
COLUMNS = {
    "date": ("Date", "day"),
    "title": ("Event", "title"),
    "category": ("Category", "category"),
    "orgs": ("Organizations", "orgs"),
    "countries": ("States", "countries"),
    "source": ("Source", "source"),
}
DEFAULT_SORT = {"column": "date", "ascending": True}


def sort_events(events: pd.DataFrame, sort: object) -> tuple[pd.DataFrame, str, bool]:
    """`events` sorted as the sort store says (by date, oldest first, when it says nothing valid)."""
    if not isinstance(sort, dict) or sort.get("column") not in COLUMNS:
        sort = DEFAULT_SORT
    column, ascending = sort["column"], sort.get("ascending") is not False
    key = COLUMNS[column][1]
    ordered = events.sort_values([key, "day", "id"], ascending=[ascending, True, True], kind="stable")
    return ordered, column, ascending


def _heading(column: str, sorted_on: str, ascending: bool) -> html.Th:
    label, _ = COLUMNS[column]
    direction = ("ascending" if ascending else "descending") if column == sorted_on else "none"
    arrow = {"ascending": " ▲", "descending": " ▼", "none": ""}[direction]
    return html.Th(
        html.Button(
            [label, html.Span(arrow, **{"aria-hidden": "true"})],
            id={"type": ids.TIMELINE_SORT, "column": column},
            type="button",
            className="btn btn-link btn-sm p-0 sort-button",
            title=f"Sort by {label.lower()}",
        ),
        scope="col",
        **{"aria-sort": direction},
    )


def events_table(events: pd.DataFrame, sort: object) -> html.Table:
    """The events as an HTML table, with a sort button in each heading."""
    ordered, column, ascending = sort_events(events, sort)
    body = [
        html.Tr(
            [
                html.Td(row.date_label, className="text-nowrap"),
                html.Td(
                    html.Button(
                        row.title,
                        id={"type": ids.OPEN_EVENT, "event": row.id},
                        type="button",
                        className="btn btn-link btn-sm p-0 text-start align-baseline",
                        title="Open this event on the timeline",
                    )
                ),
                html.Td(vocabulary.category(row.category).label),
                html.Td(row.orgs.replace(";", ", ")),
                html.Td(", ".join(country_name(code) for code in row.country_list)),
                html.Td(html.A("source", href=row.source, target="_blank", rel="noopener noreferrer")),
            ]
        )
        for row in ordered.itertuples(index=False)
    ]
    return html.Table(
        [
            html.Caption(f"{len(ordered)} events in view"),
            html.Thead(html.Tr([_heading(key, column, ascending) for key in COLUMNS])),
            html.Tbody(body),
        ],
        className="table table-sm table-striped align-top",
    )


def events_csv(events: pd.DataFrame, sort: object) -> str:
    """The events in view as CSV, in the table's order, with the data's own columns."""
    ordered, _, _ = sort_events(events, sort)
    buffer = io.StringIO()
    columns = ["id", "date", "title", "description", "category", "orgs", "countries", "source", "notes"]
    ordered[columns].to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue()
