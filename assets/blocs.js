/*
 * The callbacks that run in the browser when the as-of date moves: the date that changes
 * most often (a click on the date picker, a step of the year slider or of play) reaches
 * the URL and redraws the map and the overlap diagram without waiting for the server.
 *
 * `dash_clientside.blocs`:
 * - `dateMoved` and `yearMoved` keep the URL's `date` and the other of the two controls
 *   in step, with the rules the server's sync callback applies to every other control
 *   (components/filters.py): a day that is the end of the period the URL names keeps the
 *   URL's coarser date; a year on the slider is a year-precision date, shown as its last
 *   day (today, for this year).
 * - `route` redraws a view for a new date from its frames: the figure for each period in
 *   which the memberships do not change, sent once per choice of the other controls
 *   (components/frames.py). When the frames are missing or were made for other controls,
 *   it asks the server instead.
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

    window.dash_clientside = Object.assign({}, window.dash_clientside, {
        blocs: {
            // The date picker moved: the URL's date and the year follow. Returns [search, year].
            dateMoved: function (date, search, year, today, earliest) {
                const day = dayFrom(date, today, earliest);
                const shown = urlDate(search, today, earliest);
                const keep = shown !== null && asOf(shown, today) === day;
                const next = keep ? none() : withDate(search, day);
                const nextYear = Number(day.slice(0, 4));
                return [next, nextYear === year ? none() : nextYear];
            },

            // The year slider moved: the URL's date becomes that year, and the date picker
            // its last day. Returns [search, date].
            yearMoved: function (year, search, date, today, earliest) {
                if (!Number.isInteger(year) || year < 1 || year > 9999) { return [none(), none()]; }
                // A year the URL's date already lies in (the sync callback setting both
                // from a link, or play reaching a year) keeps that date.
                const shown = urlDate(search, today, earliest);
                const keep = shown !== null && asOf(shown, today).startsWith(pad(year, 4));
                const day = asOf(keep ? shown : partial(pad(year, 4)), today);
                return [keep ? none() : withDate(search, pad(year, 4)), day === date ? none() : day];
            },

            // A view's redraw for the date the picker holds. `shown` is the day the view
            // shows, `drawn` the key of the controls its figure was drawn for, `frames` its
            // frames with the key of the controls they were made for. Returns
            // [figure, shown, request]: a figure drawn here, or a request for the server.
            route: function (date, frames, drawn, figure, shown, today, earliest) {
                const day = dayFrom(date, today, earliest);
                if (day === shown) { return [none(), none(), none()]; }
                if (frames && frames.key === drawn && figure && figure.layout) {
                    return [figureOn(frames, day, figure), day, none()];
                }
                return [none(), none(), {day: day, at: Date.now()}];
            },

            label: label,
            partial: partial,
            withDate: withDate,
        },
    });
})();
