"""The dashboard: composition only.

`python app.py` serves it on http://127.0.0.1:8050 with Flask's server; production
serves the WSGI object `server` (`gunicorn app:server`). Settings come from the
command line or from environment variables:

| option          | variable           | default               |
| --------------- | ------------------ | --------------------- |
| `--host`        | `BLOCS_HOST`       | 127.0.0.1             |
| `--port`        | `BLOCS_PORT`       | 8050                  |
| `--url-prefix`  | `BLOCS_URL_PREFIX` | `/`                   |
| `--data-dir`    | `BLOCS_DATA_DIR`   | the bundled `data/`   |
| `--debug`       |                    | off                   |
|                 | `BLOCS_FRAME_ANCESTORS` | `'self'`: who may embed the app in a frame |
|                 | `BLOCS_HSTS`       | unset: seconds for a Strict-Transport-Security header |
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import ipaddress
import os
import sys
from pathlib import Path

from dash import Dash

import data
import serving
import settings

HERE = Path(__file__).resolve().parent
TITLE = "CSTO, SCO and NATO through time"


def normalise_prefix(prefix: str) -> str:
    """`dash/blocs` and `/dash/blocs` both become `/dash/blocs/`; empty becomes `/`."""
    parts = [part for part in prefix.split("/") if part]
    return "/" + "".join(f"{part}/" for part in parts)


# Dash's own page, in English (screen readers pick their voice by `lang`), without its
# warning for Internet Explorer, which Dash 4 does not run on.
INDEX = """<!DOCTYPE html>
<html lang="en">
    <head>
        {%metas%}
        <title>{%title%}</title>
        {%favicon%}
        {%css%}
    </head>
    <body>
        {%app_entry%}
        <footer>
            {%config%}
            {%scripts%}
            {%renderer%}
        </footer>
    </body>
</html>
"""


def create_app(*, url_prefix: str = "/", debug: bool = False) -> Dash:
    """The one Dash app of this process, its data loaded and validated.

    Args:
        url_prefix: the path the app is served under.
        debug: Dash's dev tools (error overlay, prop checks, unminified scripts).

    Raises:
        DataError: the data files break their contract.
        SettingError: `BLOCS_FRAME_ANCESTORS` or `BLOCS_HSTS` is not one the app can run with.
    """
    hsts = settings.hsts(os.environ.get("BLOCS_HSTS"))
    frame_ancestors = settings.frame_ancestors(os.environ.get("BLOCS_FRAME_ANCESTORS", "'self'"))
    dataset = data.bundled_dataset()
    app = Dash(
        __name__,
        title=TITLE,
        assets_folder=str(HERE / "assets"),
        url_base_pathname=normalise_prefix(url_prefix),
        serve_locally=True,
        meta_tags=[{"name": "viewport", "content": "width=device-width, initial-scale=1"}],
        index_string=INDEX,
        on_error=serving.callback_raised,  # tells a callback's own errors from a bad request's
    )
    # Importing the views registers their callbacks; they need the app to exist.
    from components import first_view, page

    # The page holds today's date (the latest the controls allow) and the default view
    # drawn for it: built once a day, not once per reader.
    layout_on = functools.lru_cache(maxsize=2)(lambda today: page.layout(dataset, today=today))
    app.layout = lambda: layout_on(dt.date.today())
    # Dash keeps the layout it drew while checking the one above, to send it once more in
    # every page's config for the browser to check callbacks against: the same ids, 70 kB.
    app.validation_layout = None
    first_view.install(app)  # the page's still picture, of the layout just set
    if debug:  # before the first request: Dash registers handlers for them
        app.enable_dev_tools(
            debug=True,
            dev_tools_hot_reload=False,
            dev_tools_disable_version_check=True,  # the check would ask a host on the internet
        )
    serving.harden(app, frame_ancestors=frame_ancestors, hsts_max_age=hsts)
    # Dash learns which scripts a page may load only when it first renders the page, and
    # answers 404 for the others: with several workers, the one serving a browser's
    # scripts may not be the one that served its page. Render it once now, before
    # gunicorn forks the workers.
    app.server.test_client().get(app.config.routes_pathname_prefix)
    return app


def debug_exposure_warning(host: str) -> str | None:
    """What to tell someone who starts debug mode on `host`, unless only this machine can reach it."""
    try:
        local = host == "localhost" or ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:  # a host name: it may resolve to anything
        local = False
    if local:
        return None
    return (
        f"warning: debug mode is listening on {host}, reachable from other machines: Dash's "
        "dev tools show every callback's errors and code paths to anyone who connects. "
        "Use --host 127.0.0.1, or leave --debug off."
    )


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Serve the CSTO/SCO/NATO dashboard.")
    # The variables are checked here, naming the variable; the options by argparse, naming the option.
    parser.add_argument(
        "--host", type=settings.host, default=settings.host(os.environ.get("BLOCS_HOST", "127.0.0.1"))
    )
    parser.add_argument(
        "--port", type=settings.port, default=settings.port(os.environ.get("BLOCS_PORT", "8050"))
    )
    parser.add_argument(
        "--url-prefix",
        type=settings.url_prefix,
        default=settings.url_prefix(os.environ.get("BLOCS_URL_PREFIX", "/")),
        help="serve under this path, e.g. /dash/blocs/",
    )
    parser.add_argument("--data-dir", help="read the CSV files from this folder instead of data/")
    parser.add_argument("--debug", action="store_true", help="Dash debug mode and dev tools")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    """Parse the command line and serve with Flask's built-in server."""
    try:
        arguments = _arguments(argv)
        if arguments.data_dir:
            os.environ["BLOCS_DATA_DIR"] = arguments.data_dir
        app = create_app(url_prefix=arguments.url_prefix, debug=arguments.debug)
    except (data.DataError, settings.SettingError) as error:
        sys.exit(str(error))
    if arguments.debug and (warning := debug_exposure_warning(arguments.host)):
        print(warning, file=sys.stderr)
    # Never Werkzeug's debugger: its console (/console) runs Python for whoever has the PIN.
    # Dash's dev tools show a callback's error in the page instead.
    app.server.run(
        host=arguments.host,
        port=arguments.port,
        debug=arguments.debug,
        use_debugger=False,
        use_reloader=False,
    )


if __name__ == "__main__":
    main()
else:
    try:
        app = create_app(url_prefix=settings.url_prefix(os.environ.get("BLOCS_URL_PREFIX", "/")))
    except (data.DataError, settings.SettingError) as error:
        raise SystemExit(str(error)) from None
    server = app.server
