/*
 * What happens in the browser when the as-of date moves (a date typed in the date box, a step
 * of the year slider or of play): the date changes most often, and nothing it changes
 * needs the server once the views' frames are here.
 *
 * `dash_clientside.blocs`:
 * - `moveDate` is the one owner of the date: it keeps the date box, the year slider and
 *   the URL's `date` in step, with the rules the server's sync callback applies to every
 *   other parameter (components/filters.py): a day that is the end of the period the URL
 *   names keeps the URL's coarser date; a year on the slider is a year-precision date,
 *   shown as its last day (today, for this year); a URL without a date stands for today.
 *   The URL's date is the one thing written outside a callback's outputs: with the
 *   History API, once the views are painted (and dcc.Location told, as on Back), so that
 *   no server callback holds a redrawing view back. A URL changed by the server (the sync
 *   callback opening an event, Reset) or by Back moves the date controls. It also moves
 *   the timeline's as-of line.
 * - `ask` and `show` are a framed view's (components/frames.py): `ask` requests the day, and
 *   the frames, when the browser has no frames for the figure shown; `show`, the one writer
 *   of the view's figure, draws the server's answer or the frame of the day shown.
 * - `play` steps the year on; `keepZoom` keeps the map's zoom and pan.
 *
 * Component ids and the URL's parameter order come from Python (`page-config`), not
 * from literals here.
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

    // A date typed in the date box (YYYY, YYYY-MM or YYYY-MM-DD), if it is one and in range.
    function typedDate(value, today, earliest) {
        const date = typeof value === "string" ? partial(value) : null;
        return date !== null && date.first >= earliest && date.first <= today ? date : null;
    }

    // The day the date box stands for (the end of a month or year typed), or today when
    // it holds none (or one out of range).
    function dayFrom(value, today, earliest) {
        const date = typedDate(value, today, earliest);
        return date === null ? today : asOf(date, today);
    }

    // The year slider's value as a number (a range input gives text), or null.
    function yearOf(value) {
        const year = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
        return Number.isInteger(year) ? year : null;
    }

    // The URL's `date`, parsed as the server parses it; null when missing or not valid.
    function urlDate(search, today, earliest) {
        const text = new URLSearchParams(search || "").get("date");
        const date = partial(text);
        return date !== null && date.first >= earliest && date.first <= today ? date : null;
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

    // A link to an event (`?event=`, the whole page) opens at the event's details, once
    // they are written, rather than a long scroll above them.
    (function showLinkedEvent() {
        const params = new URLSearchParams(window.location.search);
        if (!params.get("event") || params.get("embed")) { return; }
        // Open when its close button shows. The views drawn above it can still grow, so it
        // is brought into sight again a moment later, unless the reader has scrolled since.
        const started = Date.now();
        let placed = null;
        (function look() {
            const detail = document.querySelector(".timeline-detail");
            const open = detail && detail.querySelector("button:not([hidden])");
            if (open && (placed === null || window.scrollY === placed)) {
                detail.scrollIntoView({block: "center", behavior: "instant"});
                placed = window.scrollY;
            }
            if (Date.now() - started < (placed === null ? 20000 : 3000)) { setTimeout(look, 200); }
        })();
    })();

    // The statuses' fold (a <details>) closes as a menu does: on Escape, giving the focus
    // back to its summary, and on a click anywhere else.
    const FOLD = "details.status-picker[open]";
    document.addEventListener("keydown", (event) => {
        const fold = event.key === "Escape" ? document.querySelector(FOLD) : null;
        if (fold) { fold.open = false; fold.querySelector("summary").focus(); }
    });
    document.addEventListener("click", (event) => {
        document.querySelectorAll(FOLD).forEach((fold) => { if (!fold.contains(event.target)) { fold.open = false; } });
    });

    // Select the text of `box` (an input or a textarea) and copy it the old way; true if copied.
    // The height a frame of the view is given in the snippet: the map and the overlap fill
    // any height; the timeline and the whole dashboard are as tall as they are here, with
    // a line to spare for a key that wraps in a narrower frame. (The page then posts its
    // exact height: assets/embed.js.)
    function embedHeight(view, config) {
        const fixed = config.embedHeights[view || ""];
        const measured = (selector) => {
            const part = document.querySelector(selector);
            return part ? Math.ceil(part.getBoundingClientRect().height) : 0;
        };
        if (view === "timeline") {
            const body = measured("#" + config.timeline) + measured("#" + config.timelineKey);
            return body > 0 ? Math.max(fixed, body + config.embedFooterPx + 24) : fixed;
        }
        return view ? fixed : Math.max(fixed, measured("#" + config.page));
    }

    // The lines of the snippet that let the frame take the height the page posts, from
    // that frame and from the dashboard's origin only.
    function listener(frame, origin) {
        return [
            "<script>",
            'window.addEventListener("message", function (event) {',
            '  var frame = document.getElementById("' + frame + '"), data = event.data;',
            '  if (!frame || event.source !== frame.contentWindow || event.origin !== "' + origin + '") { return; }',
            '  if (data && data.source === "csto-sco-dashboard" && data.type === "height" && data.height > 0 && data.height < 20000) {',
            '    frame.style.height = data.height + "px";',
            "  }",
            "});",
            "</script>",
        ].join("\n");
    }

    // The link to the view on screen: the address bar's, without `embed` (the whole
    // dashboard at this view) and without a fragment.
    function viewLink() {
        const url = new URL(window.location.href);
        url.searchParams.delete("embed");
        url.hash = "";
        return url.toString().replace(/%2C/g, ",");
    }

    // Slide-ready images (the cards' PNG and SVG buttons). A figure is drawn off screen at
    // the slide's size divided by a scale (2 if it fits: fonts twice as large as on
    // screen; less for a tall timeline, whose rows need the room), with its title and
    // the as-of date above and, under whatever the figure has at its foot (the map's
    // legend, the diagram's notes, the time axis), the source line and the link to the
    // view. The margins are measured on that drawing, then widened for the two.
    const SLIDE_SCALES = [2, 1.5, 1.25, 1];  // each divides 1920 and 1080 exactly
    const SLIDE_TITLE_PX = 40;
    const SLIDE_FOOT_PX = 36;

    function escaped(text) {
        return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    }

    // The largest scale at which a figure with a height of its own (the timeline's rows,
    // `meta.export.height`) keeps SLIDE_SQUEEZE of it: its rows close up, their labels keep
    // their size. The map and the diagram fill what they are given.
    const SLIDE_SQUEEZE = 0.65;
    function slideScale(figure, slide) {
        const needed = (figure.layout.height || 0) * SLIDE_SQUEEZE + SLIDE_TITLE_PX + SLIDE_FOOT_PX;
        return SLIDE_SCALES.find((scale) => slide.height / scale >= needed) || 1;
    }

    // The slide's background: the card's own colour, opaque (white, or dark grey in dark
    // colours, whose figures have light text), so that a slide of any colour shows the
    // figure as the page does; white if the card has none.
    function slideBackground(graph) {
        const colour = getComputedStyle(graph.closest(".card") || document.body).backgroundColor;
        return !colour || colour === "transparent" || /^rgba\(.*,\s*0\)$/.test(colour) ? "#ffffff" : colour;
    }

    // `figure` (from `blocsExportFigure`) at `width`×`height`, titled, its margins left to grow.
    function slideLayout(figure, width, height, title, background) {
        const layout = Object.assign({}, figure.layout, {
            width: width, height: height, autosize: false, paper_bgcolor: background,
            margin: Object.assign({}, figure.layout.margin, {t: 8, autoexpand: true}),
            title: {
                text: title, font: {size: 18}, xref: "container", x: 0, xanchor: "left",
                yref: "container", y: 1, yanchor: "top", pad: {l: 10, t: 10},
            },
        });
        delete layout.meta;
        if (layout.xaxis) { layout.xaxis = Object.assign({}, layout.xaxis, {automargin: true}); }
        return layout;
    }

    // The foot's two lines, placed under what the drawing `gd` has below its plot.
    function slideFoot(gd, lines) {
        const size = gd._fullLayout._size;
        return {
            text: lines.map(escaped).join("<br>"), showarrow: false, align: "left",
            xref: "paper", x: 0, xanchor: "left", xshift: 10 - size.l,
            yref: "paper", y: 0, yanchor: "top", yshift: -size.b - 4,
            font: {size: 11},
        };
    }

    async function saveSlide(source, format, words, slide) {
        const figure = window.blocsExportFigure(source);
        const scale = slideScale(figure, slide);
        const [width, height] = [slide.width / scale, slide.height / scale];
        const gd = document.createElement("div");
        gd.className = "slide-drawing";
        gd.style.cssText = "position:fixed;left:-30000px;top:0;width:" + width + "px;height:" + height + "px";
        document.body.appendChild(gd);
        try {
            // The map's shapes come from the app (its config's `topojsonURL`), never from plotly's CDN.
            const config = {staticPlot: true, topojsonURL: source._context.topojsonURL};
            const layout = slideLayout(figure, width, height, words.title, slideBackground(source));
            await window.Plotly.newPlot(gd, figure.data, layout, config);
            const size = gd._fullLayout._size;
            await window.Plotly.relayout(gd, {
                "margin.t": size.t + SLIDE_TITLE_PX,
                "margin.b": size.b + SLIDE_FOOT_PX,
                annotations: (gd.layout.annotations || []).concat([slideFoot(gd, words.foot)]),
            });
            await window.Plotly.downloadImage(gd, {format: format, width: width, height: height, scale: scale, filename: words.filename});
        } finally {
            window.Plotly.purge(gd);
            gd.remove();
        }
    }

    function selectAndCopy(box) {
        if (!box) { return false; }
        box.focus();
        box.select();
        try { return document.execCommand("copy"); } catch (error) { return false; }
    }

    // `search` with its `date` set to `text`, in the place the canonical `order` of the
    // parameters gives it, every other parameter left as it is.
    function withDate(search, text, order) {
        const parts = (search || "").replace(/^\?/, "").split("&").filter(Boolean);
        const piece = "date=" + text;
        const at = parts.findIndex((part) => part.split("=")[0] === "date");
        if (at >= 0) {
            parts[at] = piece;
        } else {
            const rank = (part) => {
                const found = order.indexOf(part.split("=")[0]);
                return found < 0 ? order.length : found;
            };
            const after = parts.findIndex((part) => rank(part) > order.indexOf("date"));
            parts.splice(after < 0 ? parts.length : after, 0, piece);
        }
        return "?" + parts.join("&");
    }

    // The sentence that puts the views in words for `day` (`compose` in
    // components/summary.py), from the words for any day (`summary.sentences`): after
    // the day the data were last `reviewed`, it speaks as of that day.
    function sentenceOn(words, day, today, reviewed) {
        if (!words) { return none(); }
        if (words.always !== undefined) { return words.always; }
        if (reviewed && day > reviewed) { return "As of " + label(reviewed) + ", " + words.present; }
        return day >= today ? "Today, " + words.present : "On " + label(day) + ", " + words.past;
    }

    function graphDiv(graphId) {
        const gd = document.querySelector("#" + graphId + " .js-plotly-plot");
        return gd && gd._fullLayout && window.Plotly ? gd : null;
    }

    function triggered() {
        return (window.dash_clientside.callback_context.triggered || []).map((t) => t.prop_id);
    }

    // Move the timeline's as-of line (the shape named `lineName`) to `day`, now and after every
    // later drawing of the timeline (a figure from the server was drawn for the date its
    // request was sent with). Through dcc.Graph, which hands plotly.js a deep copy of the
    // layout, moving one line costs a full recalculation of the timeline (60-90 ms); given
    // the same layout with a new line, plotly.js redraws only the line (about 10 ms).
    // Before the timeline is first drawn, waits for it.
    function moveAsOfLine(graphId, lineName, day) {
        asOfLineName = lineName;
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
    let asOfLineName = null;  // the name of the as-of line among the timeline's shapes
    const following = new WeakSet();  // the timelines whose drawings move the line

    function placeAsOfLine(gd) {
        const shapes = gd.layout && gd.layout.shapes;
        const index = Array.isArray(shapes) ? shapes.findIndex((shape) => shape.name === asOfLineName) : -1;
        if (index < 0 || asOfLineAt === null || shapes[index].x0 === asOfLineAt) { return; }
        const moved = shapes.slice();
        moved[index] = Object.assign({}, shapes[index], {x0: asOfLineAt, x1: asOfLineAt});
        window.Plotly.react(gd, gd.data, Object.assign({}, gd.layout, {shapes: moved}));
    }

    // Put the date of `search` in the address bar once the date has stayed put for
    // URL_DELAY_MS, then tell dcc.Location, as the browser's Back does. Not sooner: a new
    // URL sets off the sync callback on the server, and Dash holds back the views' redraws
    // (which depend on what it writes) until it answers. The date goes into the address
    // bar as it stands then, so that a selection the sync callback wrote meanwhile is kept.
    // A date a later move has replaced on its way is not written at all: it would be a
    // history entry for a date gone by. Steps of play replace the entry rather than add one.
    function writeUrl(search, replace, order) {
        pendingSearch = search;
        clearTimeout(urlTimer);
        urlTimer = setTimeout(() => {
            if (pendingSearch !== search) { return; }
            pendingSearch = null;
            const date = new URLSearchParams(search).get("date");
            const next = date === null ? search : withDate(window.location.search, date, order);
            if (next === window.location.search) { return; }
            const url = window.location.pathname + next + window.location.hash;
            window.history[replace ? "replaceState" : "pushState"]({}, "", url);
            writtenSearch = next;
            window.dispatchEvent(new CustomEvent("_dashprivate_pushstate"));
        }, URL_DELAY_MS);
    }

    const URL_DELAY_MS = 300;
    let urlTimer = null;
    let writtenSearch = null;  // the URL last written, until dcc.Location hands it back
    let pendingSearch = null;

    // The URL's date and the other control after the date box (`date`) or the year
    // slider (`year`) moved. Returns {search, date, year, day}: the new values of the
    // URL, the date box and the year slider (no_update where they stay), and the day.
    function dateControls(movedYear, date, year, search, today, earliest, order) {
        order = order || ["orgs", "date"];
        // The URL without a date stands for today (as the reset button and links leave it).
        const shown = urlDate(search, today, earliest) || partial(today);
        if (!movedYear) {
            // A date typed: a day, or a month or year standing for its last day (the URL
            // keeps what was typed). Anything else puts the box back to the date shown.
            const typed = typedDate(date, today, earliest);
            const day = typed === null ? asOf(shown, today) : asOf(typed, today);
            const keep = typed === null || asOf(shown, today) === day;
            const nextYear = Number(day.slice(0, 4));
            return {
                search: keep ? none() : withDate(search, typed.precision === "day" ? day : date.trim(), order),
                date: day === date ? none() : day,
                year: nextYear === year ? none() : nextYear,
                day: day,
            };
        }
        if (!Number.isInteger(year) || year < 1 || year > 9999) {
            return {search: none(), date: none(), year: none(), day: dayFrom(date, today, earliest)};
        }
        // A year the URL's date already lies in (a link setting both controls, or play
        // reaching a year) keeps that date.
        const keep = asOf(shown, today).startsWith(pad(year, 4));
        const day = asOf(keep ? shown : partial(pad(year, 4)), today);
        return {search: keep ? none() : withDate(search, pad(year, 4), order), date: day === date ? none() : day, year: none(), day: day};
    }

    // The date controls for the URL's date: where a link, Back, Reset or an opened event put it.
    function controlsFromUrl(search, date, year, today, earliest) {
        const day = asOf(urlDate(search, today, earliest) || partial(today), today);
        const nextYear = Number(day.slice(0, 4));
        return {date: date === day ? none() : day, year: nextYear === year ? none() : nextYear, day: day};
    }

    // A framed view's state in this page: `generation` counts changes of its controls;
    // `answered`, the generation the last answer was asked for; `framesAsked`, the one
    // whose frames were asked for.
    const views = new Map();

    function viewOf(name) {
        if (!views.has(name)) { views.set(name, {generation: 0, answered: 0, framesAsked: -1}); }
        return views.get(name);
    }

    window.dash_clientside = Object.assign({}, window.dash_clientside, {
        blocs: {
            // The date box, the year slider, a step of play or the URL moved: returns the
            // date box, the year slider and the region date (the day, only while a
            // region is selected: the callbacks listing its states need it).
            moveDate: function (date, slider, playYear, search, today, earliest, region, config) {
                const year = yearOf(slider);
                const prop = (id, name) => id + "." + name;
                const urlProp = prop(config.url, "search");
                // The URL this module wrote, coming back through dcc.Location: not a reader's
                // move. Dash can hand it over together with a move of the date made since.
                const echo = writtenSearch !== null && window.location.search === writtenSearch;
                const fired = triggered();
                if (echo && fired.includes(urlProp)) { writtenSearch = null; }
                const moved = fired.filter((id) => !(echo && id === urlProp));
                if (moved.length === 0 && echo) { return [none(), none(), none()]; }
                const byUrl = moved.length === 0 || moved.includes(urlProp);
                let next;
                if (byUrl) {
                    if (pendingSearch !== null) { return [none(), none(), none()]; }  // ours, on its way
                    next = controlsFromUrl(window.location.search, date, year, today, earliest);
                } else {
                    const played = moved.includes(prop(config.playYear, "data"));
                    const movedYear = played || moved.every((id) => id === prop(config.year, "value"));
                    const current = pendingSearch !== null ? pendingSearch : window.location.search;
                    next = dateControls(movedYear, date, played ? playYear : year, current, today, earliest, config.parameters);
                    if (played && playYear !== year) { next.year = playYear; }
                    if (next.search !== none()) { writeUrl(next.search, played, config.parameters); }
                }
                moveAsOfLine(config.timeline, config.asOfLine, next.day);
                const regionDate = Array.isArray(region) && region.length ? next.day : none();
                return [next.date, next.year, regionDate];
            },

            // A framed view's controls or date changed: returns [date request, frames
            // request]. The day is asked for when the browser has no frames for the figure
            // it shows (or its controls changed since); frames, once per change of controls.
            ask: function (date, ...rest) {
                const [frames, answer, shown, today, earliest] = rest.slice(-5);
                const name = window.dash_clientside.callback_context.outputs_list[0].id.view;
                const view = viewOf(name);
                const moved = triggered();
                const input = window.dash_clientside.callback_context.inputs_list[0];  // the date
                if (!moved.includes(input.id + "." + input.property)) {  // the controls: the server answers them
                    view.generation += 1;
                    return [none(), none()];
                }
                const day = dayFrom(date, today, earliest);
                const current = view.answered === view.generation;
                if (current && frames && answer && frames.key === answer.key) { return [none(), none()]; }
                if (current && answer && answer.day === day && day === shown) { return [none(), none()]; }
                view.answered = view.generation;
                const framesAsk = view.framesAsked === view.generation ? none() : {at: Date.now()};
                view.framesAsked = view.generation;
                return [{day: day, at: Date.now()}, framesAsk];
            },

            // A framed view's answer, frames or date changed: returns [figure, day shown]
            // (and its words, for a view that has them), no_update where they stay.
            show: function (answer, frames, date, figure, shown, today, earliest, config) {
                const reviewed = config ? config.dataReviewed : null;
                const outputs = window.dash_clientside.callback_context.outputs_list;
                const view = viewOf(outputs[1].id.view);
                const moved = triggered();
                const answered = moved.some((id) => id.includes("frames-answer"));
                const day = dayFrom(date, today, earliest);
                const framed = Boolean(frames && answer && frames.key === answer.key);
                let next = null;
                let words = none();
                if (answered) { view.answered = view.generation; }
                if (answered && answer.figure && (answer.day === day || !framed)) {
                    next = [answer.figure, answer.day];
                    words = sentenceOn(answer.summary, answer.day, today, reviewed);
                } else if (framed && (day !== shown || answered)) {
                    const base = answered && answer.figure ? answer.figure : figure;
                    next = [figureOn(frames, day, base), day];
                    words = sentenceOn(frameOn(frames, day).summary, day, today, reviewed);
                }
                if (next === null) { return outputs.map(() => none()); }
                return outputs.length > 2 ? [...next, words] : next;
            },

            // Play: each tick moves the year on, once the map shows the current one (no year
            // is skipped). Returns [interval disabled, button text, aria-pressed, aria-label,
            // the year to show].
            play: function (clicks, ticks, slider, stopped, last, shown, config) {
                const year = yearOf(slider);
                const pressed = triggered().includes(config.play + ".n_clicks");
                const stop = [true, "▶", "false", "Play through the years", none()];
                const play = (to) => [false, "❚❚", "true", "Pause", to];
                if (pressed) {
                    return stopped ? play(year >= last ? config.playFrom : Math.max(year, config.playFrom)) : stop;
                }
                if (stopped || year >= last) { return stop; }
                if (typeof shown !== "string" || !shown.startsWith(String(year))) { return [none(), none(), none(), none(), none()]; }
                return play(year + 1);
            },

            // The map's zoom and pan, from each relayout event's geo keys, for the next
            // drawing to start from (the server keeps only what it knows, within bounds).
            keepZoom: function (relayout, zoom) {
                if (!relayout) { return none(); }
                const next = Object.assign({}, zoom || {});
                let changed = false;
                for (const [key, value] of Object.entries(relayout)) {
                    if (key.startsWith("geo.") && typeof value === "number") { next[key] = value; changed = true; }
                }
                return changed ? next : none();
            },

            // The page's other browser callbacks, each the one writer of its outputs.

            // The share dialog: opened by its button; the link and the snippet from the
            // address bar as it is now, so that they carry the whole view and the app's
            // own URL prefix. Returns [open, link, snippet].
            share: function (clicks, view, search, config) {
                const url = new URL(window.location.href);
                url.search = search || "";
                url.hash = "";
                if (view) { url.searchParams.set("embed", view); } else { url.searchParams.delete("embed"); }
                const link = url.toString().replace(/%2C/g, ",");
                const title = view ? config.title + ": " + view : config.title;
                const frame = "csto-sco-" + (view || "dashboard");
                const snippet = '<iframe id="' + frame + '" src="' + link + '" title="' + title + '" width="100%" height="' +
                    embedHeight(view, config) + '" style="border:0" loading="lazy"></iframe>\n' + listener(frame, url.origin);
                const opened = triggered().some((id) => id.endsWith(".n_clicks"));
                return [opened ? true : none(), link, snippet];
            },

            // The "About the data" dialog: opened by its button, its suggested citation
            // (from Python, `config.citation`) ending with the link to the view on screen.
            // Returns [open, citation].
            about: function (clicks, config) {
                if (!clicks) { return [none(), none()]; }
                return [true, config.citation + " " + viewLink()];
            },

            // The button that unfolds a phone's filters, or folds them again: returns the
            // bar's class, the button's aria-expanded and its words.
            fold: function (clicks, expanded, config) {
                const open = expanded !== "true";
                const bar = config.filterBar + (open ? " " + config.filterBar + "--open" : "");
                return [bar, String(open), config.foldLabels[open ? 1 : 0]];
            },

            // A copy button: copies the box before it and says so; the box changing (another
            // view chosen) puts its label (`title`) back. The Clipboard API needs a secure page (an
            // intranet's plain http is not), so without it the text is selected and copied.
            copy: function (clicks, text, label) {
                if (!triggered().some((id) => id.endsWith(".n_clicks"))) { return label; }
                const button = document.getElementById(window.dash_clientside.callback_context.triggered_id);
                const box = button && button.previousElementSibling;
                const value = box ? box.value : "";
                const copied = (done) => (done ? "Copied" : "Select and copy (Ctrl+C)");
                if (navigator.clipboard && window.isSecureContext) {
                    return navigator.clipboard.writeText(value).then(() => copied(true), () => copied(selectAndCopy(box)));
                }
                return copied(selectAndCopy(box));
            },

            // An embedded view: the page's classes, its mark for the stylesheet to show that
            // view alone; and its link to the whole dashboard at the same view.
            embedded: function (search, config) {
                const params = new URLSearchParams(search || "");
                const view = params.get("embed");
                const base = "container-fluid page";
                params.delete("embed");
                const url = new URL(window.location.href);
                url.search = params.toString();
                url.hash = "";
                const page = config.embeddable.includes(view) ? base + " page--embed page--embed-" + view : base;
                return [page, url.toString().replace(/%2C/g, ",")];
            },

            // The colour mode in force: the reader's choice, else the system's. Bootstrap
            // restyles the page from the attribute on <html>, the figures' callbacks the
            // figures; the page comes drawn in light colours, so only a change is written.
            colourMode: function (choice, current) {
                const system = window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;
                const mode = choice === "light" || choice === "dark" ? choice : (system ? "dark" : "light");
                document.documentElement.setAttribute("data-bs-theme", mode);
                return mode === current ? none() : mode;
            },

            // A figure's PNG or SVG button: plotly.js draws the file in the browser, ready
            // for a slide (`saveSlide`): titled with its card's title and the as-of date,
            // the source line and the link to the view at its foot, named after the view
            // and the date. Returns what was saved.
            saveFigure: function (clicks, date, today, earliest, config) {
                const trigger = window.dash_clientside.callback_context.triggered_id;
                if (!trigger || !clicks.some(Boolean)) { return none(); }
                const graph = graphDiv(trigger.graph);
                const slide = config.slide;
                const figure = slide.figures[trigger.graph];
                if (!graph || !figure) { return none(); }
                const day = dayFrom(date, today, earliest);
                const filename = [slide.filePrefix, figure.view, day].join("-");
                const words = {
                    title: "<b>" + escaped(figure.title) + "</b>, as of " + label(day),
                    foot: [slide.source, viewLink()],
                    filename: filename,
                };
                saveSlide(graph, trigger.format, words, slide).catch((error) => console.error("saving " + filename, error));
                return filename + "." + trigger.format;
            },

            // A table behind a disclosure (components/disclosure.py): the values of its
            // inputs while it is open, null on closing, nothing while closed.
            gate: function (clicks, ...values) {
                const open = Number.isInteger(clicks) && clicks % 2 === 1;
                if (open) { return values; }
                return triggered().some((id) => id.endsWith(".n_clicks")) ? null : none();
            },

            // For tests: the rules above, without redrawing anything.
            dateControls: function (movedYear, date, year, search, today, earliest, order) {
                const next = dateControls(movedYear, date, year, search, today, earliest, order);
                return movedYear ? [next.search, next.date] : [next.search, next.year];
            },
            label: label,
            sentenceOn: sentenceOn,
        },
    });
})();
