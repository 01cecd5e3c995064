// The first view, part 1 of 2: written into the page's <head> (components/first_view/),
// so it runs before anything else is asked for. Part 2 is assets/first-view/draw.js.
//
// - Asks for the world's shapes and hands them to plotly.js's cache, so that the first
//   map drawn (the still picture's or Dash's) need not wait for them.
// - For a reader opening the default view in light colours (what the page comes drawn
//   as), asks at once for Dash's layout, and hands the answer to Dash when Dash asks:
//   one request, made before React and Dash have even loaded.
// - Loads Dash's own scripts when asked (`blocsLoadDash`: by the picture once it is
//   drawn, or at once when there is no picture), then starts Dash.
(function () {
    "use strict";
    const script = document.currentScript;
    let asked = false;  // for Dash's scripts, see loadDash
    window.blocsLoadDash = loadDash;
    window.addEventListener("load", function () {  // whatever became of the picture
        const state = window.blocsFirstView;
        if (state && state.drawn === undefined) {  // its script never ran: no picture then
            const picture = document.getElementById("first-view");
            if (picture) { picture.remove(); }
        }
        loadDash();
    });
    const shapes = script.dataset.shapes;
    window.PlotlyGeoAssets = window.PlotlyGeoAssets || {topojson: {}};
    window.fetch(shapes).then(function (response) {
        return response.ok ? response.json() : null;
    }).then(function (topology) {
        const name = shapes.split("/").pop().replace(/\.json$/, "");
        if (topology && window.PlotlyGeoAssets.topojson[name] === undefined) {
            window.PlotlyGeoAssets.topojson[name] = topology;
        }
    }).catch(function () { /* plotly.js fetches them itself */ });

    if (!applies()) { return; }
    const address = script.dataset.layout;
    const answer = window.fetch(address, {credentials: "same-origin", headers: {Accept: "application/json"}});
    const state = {answer: answer, layout: null};
    state.parsed = answer.then(function (response) { return response.clone().json(); }).then(function (layout) {
        state.layout = layout;
        return layout;
    });
    const fetchAsUsual = window.fetch;
    window.fetch = function (resource, options) {
        if (resource === address && (!options || !options.method || options.method === "GET")) {
            window.fetch = fetchAsUsual;
            // The early request's answer; should it have failed on the way, Dash asks again.
            return answer.then(
                function (response) { return response.clone(); },
                function () { return fetchAsUsual(resource, options); }
            );
        }
        return fetchAsUsual.apply(this, arguments);
    };
    window.blocsFirstView = state;

    // The page's inert script tags (components/first_view/index.py writes Dash's that way), in their order;
    // Dash starts once all have run and the page is parsed.
    function loadDash() {
        if (asked) { return; }
        asked = true;
        const tags = Array.from(document.querySelectorAll("script[data-after-first-view]"));
        let left = tags.length;
        let parsed = document.readyState !== "loading";
        function start() {
            if (left === 0 && parsed) { window.blocsStartDash(); }
        }
        tags.forEach(function (tag) {
            const loaded = document.createElement("script");
            loaded.src = tag.getAttribute("src");
            loaded.async = false;  // run in the order written
            loaded.onload = loaded.onerror = function () { left -= 1; start(); };
            document.head.appendChild(loaded);
        });
        if (!parsed) {
            document.addEventListener("DOMContentLoaded", function () { parsed = true; start(); });
        }
        start();
    }

    function applies() {
        if (window.location.search !== "") { return false; }
        let choice = "auto";
        try {
            const kept = window.localStorage.getItem(script.dataset.themeChoiceKey);  // Dash's persistence
            if (kept) { choice = JSON.parse(kept)[0]; }
        } catch (error) { /* no storage, or a foreign value: the system decides */ }
        const dark = window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;
        return choice === "light" || (choice !== "dark" && !dark);
    }
})();
