/*
 * What happens in the browser when the as-of date moves (a click on the date picker, a step
 * of the year slider or of play): the date changes most often, and nothing it changes
 * needs the server once the views' frames are here.
 *
 * `dash_clientside.blocs`:
 * - `dateMoved` keeps the URL's `date` and the other of the two controls in step, with the
 *   rules the server's sync callback applies to every other control (components/filters.py):
 *   a day that is the end of the period the URL names keeps the URL's coarser date; a year
 *   on the slider is a year-precision date, shown as its last day (today, for this year);
 *   a URL without a date stands for today. It then redraws the map and the overlap diagram
 *   from their frames (components/frames.py: the figure of each period in which no
 *   membership changes, made once for a choice of the other controls), moves the
 *   timeline's as-of line and rewrites the summary sentence. It draws with plotly.js
 *   itself: Dash runs a callback only once no pending callback may still change its
 *   inputs, and the URL's change brings the server's sync callback, which may change the
 *   date, so views drawn by callbacks of their own would wait for that round trip.
 *   Without frames for the figure shown, it asks the server to draw the day, and for the
 *   frames (once per figure).
 * - `settle` redraws a view whose figure or frames arrive after the date moved on.
 */
(function () {
    "use strict";

    const MONTHS = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ];
    const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

    function pad(number, width) {
        return String(number).padStart(width, "0");
    }

    function iso(year, month, day) {
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2);
    }

    function daysIn(year, month) {
        return new Date(Date.UTC(year, month, 0)).getUTCDate();
    }

    // A date of the form YYYY, YYYY-MM or YYYY-MM-DD as {first, last, precision}, its
    // first and last days as ISO strings; null if it is not one, or names no real date.
    function partial(text) {
        const match = typeof text === "string" ? PARTIAL.exec(text.trim()) : null;
        if (match === null || match[1] === "0000") { return null; }
        const year = Number(match[1]);
        const month = match[2] === undefined ? null : Number(match[2]);
        const day = match[3] === undefined ? null : Number(match[3]);
        if (month !== null && (month < 1 || month > 12)) { return null; }
        if (day !== null && (day < 1 || day > daysIn(year, month))) { return null; }
        if (day !== null) {
            const first = iso(year, month, day);
            return {first: first, last: first, precision: "day"};
        }
        if (month !== null) {
            return {first: iso(year, month, 1), last: iso(year, month, daysIn(year, month)), precision: "month"};
        }
        return {first: iso(year, 1, 1), last: iso(year, 12, 31), precision: "year"};
    }

    // The day a reader means by "as of" a date: the end of its period, never after today.
    function asOf(date, today) {
        const upTo = today > date.first ? today : date.first;
        return date.last < upTo ? date.last : upTo;
    }

    // The day a date control holds, or today when it holds none (or one out of range).
    function dayFrom(value, today, earliest) {
        const date = typeof value === "string" ? partial(value.slice(0, 10)) : null;
        if (date === null || date.precision !== "day" || date.first < earliest || date.first > today) {
            return today;
        }
        return date.first;
    }

    // The URL's `date`, parsed as the server parses it; null when missing or not valid.
    function urlDate(search, today, earliest) {
        const text = new URLSearchParams(search || "").get("date");
        const date = partial(text);
        return date !== null && date.first >= earliest && date.first <= today ? date : null;
    }

    // `search` with its `date` set to `text`, in the place the server's canonical order
    // gives it (after `orgs`), every other parameter left as it is.
    function withDate(search, text) {
        const parts = (search || "").replace(/^\?/, "").split("&").filter(Boolean);
        const piece = "date=" + text;
        const at = parts.findIndex((part) => part.split("=")[0] === "date");
        if (at >= 0) {
            parts[at] = piece;
        } else {
            parts.splice(parts.length && parts[0].split("=")[0] === "orgs" ? 1 : 0, 0, piece);
        }
        return "?" + parts.join("&");
    }

    // "1 September 2025": `PartialDate.label` of a day.
    function label(day) {
        const [year, month, date] = day.split("-").map(Number);
        return date + " " + MONTHS[month - 1] + " " + year;
    }

    // The frame for `day`: the last period starting on or before it.
    function frameOn(frames, day) {
        let low = 0;
        let high = frames.days.length - 1;
        while (low < high) {
            const middle = Math.ceil((low + high) / 2);
            if (frames.days[middle] <= day) { low = middle; } else { high = middle - 1; }
        }
        return frames.unique[frames.frames[low]];
    }

    // The figure for `day`: the frame's traces (and, for a frame with its own layout, that
    // layout); the title names the day. Copies, because plotly.js writes into what it draws.
    function figureOn(frames, day, figure) {
        const frame = JSON.parse(JSON.stringify(frameOn(frames, day)));
        const layout = frame.layout || Object.assign({}, figure.layout, {annotations: frame.annotations || []});
        layout.title = Object.assign({}, layout.title, {text: frames.title + label(day)});
        return {data: frame.data, layout: layout};
    }

    const none = () => window.dash_clientside.no_update;

    // The sentence that puts the views in words for `day` (`describe` in
    // components/summary.py), from the frame of the overlap diagram.
    function sentenceOn(frames, day, today) {
        const words = frameOn(frames, day).summary;
        if (!words) { return none(); }
        if (words.always !== undefined) { return words.always; }
        return day >= today ? words.today : "On " + label(day) + ", " + words.past;
    }

    function graphDiv(graphId) {
        const gd = document.querySelector("#" + graphId + " .js-plotly-plot");
        return gd && gd._fullLayout && window.Plotly ? gd : null;
    }

    // Redraw the view `graphId` for `day` from its frames, if they were made for the
    // figure it shows. Drawn with plotly.js at once, as the Dash figure would be drawn a
    // few tens of milliseconds later, after Dash has scheduled every callback the date
    // sets off; before plotly.js has drawn the graph, as the Dash figure.
    // Returns [figure, shown, request, frames request]: the figure if Dash must draw it,
    // the day shown, or a request that the server draw it; and, the first time frames for
    // the figure shown are missing, a request for them.
    function redraw(graphId, day, frames, drawn, figure, shown) {
        if (day === shown) { return [none(), none(), none(), none()]; }
        if (!frames || frames.key !== drawn || !figure || !figure.layout) {
            const ask = asked.get(graphId) !== drawn;
            asked.set(graphId, drawn);
            return [none(), none(), {day: day, at: Date.now()}, ask ? {key: drawn, at: Date.now()} : none()];
        }
        const next = figureOn(frames, day, figure);
        const gd = graphDiv(graphId);
        if (gd === null) { return [next, day, none(), none()]; }
        window.Plotly.react(gd, next.data, next.layout);
        return [none(), day, none(), none()];
    }

    const asked = new Map();  // graph id: the key of the figure whose frames were asked for

    // Move the timeline's as-of line (the shape named "as-of") to `day`, now and after every
    // later drawing of the timeline (a figure from the server was drawn for the date its
    // request was sent with). Through dcc.Graph, which hands plotly.js a deep copy of the
    // layout, moving one line costs a full recalculation of the timeline (60-90 ms); given
    // the same layout with a new line, plotly.js redraws only the line (about 10 ms).
    // Before the timeline is first drawn, waits for it.
    function moveAsOfLine(graphId, day) {
        asOfLineAt = Date.parse(day + "T00:00:00Z");
        const started = Date.now();
        (function move() {
            const gd = graphDiv(graphId);
            if (gd === null || !gd.layout || !Array.isArray(gd.layout.shapes)) {
                if (Date.now() - started < 30000) { setTimeout(move, 50); }
                return;
            }
            if (!following.has(gd)) {
                following.add(gd);
                gd.on("plotly_afterplot", () => placeAsOfLine(gd));
            }
            placeAsOfLine(gd);
        })();
    }

    let asOfLineAt = null;  // the time of the day the as-of line stands on
    const following = new WeakSet();  // the timelines whose drawings move the line

    function placeAsOfLine(gd) {
        const shapes = gd.layout && gd.layout.shapes;
        const index = Array.isArray(shapes) ? shapes.findIndex((shape) => shape.name === "as-of") : -1;
        if (index < 0 || asOfLineAt === null || shapes[index].x0 === asOfLineAt) { return; }
        const moved = shapes.slice();
        moved[index] = Object.assign({}, shapes[index], {x0: asOfLineAt, x1: asOfLineAt});
        window.Plotly.react(gd, gd.data, Object.assign({}, gd.layout, {shapes: moved}));
    }

    // Set each [component, prop, value] of `writes` (but no_update) once the browser has
    // painted: Dash applies a callback's outputs, and renders what they change, before the
    // browser paints, so the bookkeeping of a date move (the stores, the summary, the URL,
    // the year slider) would hold back the views it redrew by a frame or two. Until then,
    // `pending` holds the URL and the year on their way. A URL or year that a later move
    // has replaced on its way is not written at all: written and then overwritten within a
    // frame, the year slider could keep showing the first year (dcc.Slider's handle
    // follows its value a render late), and the URL would set off the sync callback for
    // a date already gone.
    function afterPaint(writes) {
        const due = writes.filter(([, , value]) => value !== none());
        for (const [id, prop, value] of due) {
            if (id === "url") { pending.search = value; }
            if (id === "filters-year") { pending.year = value; }
        }
        requestAnimationFrame(() => setTimeout(() => {
            for (const [id, prop, value] of due) {
                if (id === "url" && pending.search !== value) { continue; }
                if (id === "filters-year" && pending.year !== value) { continue; }
                window.dash_clientside.set_props(id, {[prop]: value});
                if (id === "url") { pending.search = null; }
                if (id === "filters-year") { pending.year = null; }
            }
        }, 0));
    }

    const pending = {search: null, year: null};

    // The URL's date and the other control after the date picker (`date`) or the year
    // slider (`year`) moved. Returns {search, date, year, day}: the new values of the
    // URL, the date picker and the year slider (no_update where they stay), and the day.
    function dateControls(movedYear, date, year, search, today, earliest) {
        // The URL without a date stands for today (as the reset button and links leave it).
        const shown = urlDate(search, today, earliest) || partial(today);
        if (!movedYear) {
            const day = dayFrom(date, today, earliest);
            const keep = asOf(shown, today) === day;
            const nextYear = Number(day.slice(0, 4));
            return {search: keep ? none() : withDate(search, day), date: none(), year: nextYear === year ? none() : nextYear, day: day};
        }
        if (!Number.isInteger(year) || year < 1 || year > 9999) {
            return {search: none(), date: none(), year: none(), day: dayFrom(date, today, earliest)};
        }
        // A year the URL's date already lies in (the sync callback setting both from a
        // link, or play reaching a year) keeps that date.
        const keep = asOf(shown, today).startsWith(pad(year, 4));
        const day = asOf(keep ? shown : partial(pad(year, 4)), today);
        return {search: keep ? none() : withDate(search, pad(year, 4)), date: day === date ? none() : day, year: none(), day: day};
    }

    window.dash_clientside = Object.assign({}, window.dash_clientside, {
        blocs: {
            // The date picker or the year slider moved: the URL's date and the other
            // control follow, the map and the overlap diagram are redrawn from their
            // frames, the timeline's as-of line moves and, once that is painted, the summary
            // sentence, the URL and the other control follow. Returns [date, map figure, map
            // request, map frames request, the same three for the overlap, region date]; the
            // region date is the day, only while a region is selected (the callbacks listing
            // its states need it).
            dateMoved: function (date, year, search, today, earliest, mapFrames, mapDrawn, mapFigure, mapShown,
                                 overlapFrames, overlapDrawn, overlapFigure, overlapShown, region) {
                const triggered = (window.dash_clientside.callback_context.triggered || []).map((t) => t.prop_id);
                const movedYear = triggered.length > 0 && triggered.every((id) => id.endsWith(".value"));
                const controls = dateControls(
                    movedYear, date, pending.year !== null ? pending.year : year,
                    pending.search !== null ? pending.search : search, today, earliest
                );
                const [mapFigureNow, mapDay, mapAsked, mapFramesAsked] = redraw(
                    "map-graph", controls.day, mapFrames, mapDrawn, mapFigure, mapShown
                );
                const [overlapFigureNow, overlapDay, overlapAsked, overlapFramesAsked] = redraw(
                    "overlap-graph", controls.day, overlapFrames, overlapDrawn, overlapFigure, overlapShown
                );
                moveAsOfLine("timeline-graph", controls.day);
                const framed = overlapFrames && overlapFrames.key === overlapDrawn;
                afterPaint([
                    ["map-day", "data", mapDay],
                    ["overlap-day", "data", overlapDay],
                    ["view-summary", "children", framed ? sentenceOn(overlapFrames, controls.day, today) : none()],
                    ["url", "search", controls.search],
                    ["filters-year", "value", controls.year],
                ]);
                const regionDate = Array.isArray(region) && region.length ? controls.day : none();
                return [
                    controls.date, mapFigureNow, mapAsked, mapFramesAsked,
                    overlapFigureNow, overlapAsked, overlapFramesAsked, regionDate,
                ];
            },

            // A view's figure or frames arrived: if the date moved meanwhile, redraw it
            // for the date now shown. Returns [figure, shown, request, frames request]
            // (see `redraw`).
            settle: function (drawn, frames, date, figure, shown, today, earliest) {
                const graphId = window.dash_clientside.callback_context.outputs_list[0].id;
                return redraw(graphId, dayFrom(date, today, earliest), frames, drawn, figure, shown);
            },

            // The same for the overlap diagram, whose frames also hold the summary sentence.
            // Returns [figure, shown, request, frames request, sentence].
            settleWithSummary: function (drawn, frames, date, figure, shown, today, earliest) {
                const graphId = window.dash_clientside.callback_context.outputs_list[0].id;
                const day = dayFrom(date, today, earliest);
                const redrawn = redraw(graphId, day, frames, drawn, figure, shown);
                const framed = frames && frames.key === drawn && day !== shown;
                return [...redrawn, framed ? sentenceOn(frames, day, today) : none()];
            },

            // For tests: the rules above, without redrawing anything.
            dateControls: function (movedYear, date, year, search, today, earliest) {
                const next = dateControls(movedYear, date, year, search, today, earliest);
                return movedYear ? [next.search, next.date] : [next.search, next.year];
            },
            label: label,
        },
    });
})();
