"""The dashboard's views, one module each, and what they share (ids, theme, URL state).

Importing a view module registers its callbacks with Dash.
"""
