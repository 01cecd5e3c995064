// The first view, part 1 of 2: written into the page's <head> (components/first_view.py),
// so it runs before anything else is asked for. Part 2 is assets/first-view/draw.js.
//
// - Asks for the world's shapes and hands them to plotly.js's cache, so that the first
//   map drawn (the still picture's or Dash's) need not wait for them.
// - For a reader opening the default view in light colours (what the page comes drawn
//   as), asks at once for Dash's layout, and hands the answer to Dash when Dash asks:
//   one request, made before React and Dash have even loaded.
(function () {
    "use strict";
    const script = document.currentScript;
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

    function applies() {
        if (window.location.search !== "") { return false; }
        let choice = "auto";
        try {
            const kept = window.localStorage.getItem("theme-choice.value");  // Dash's persistence
            if (kept) { choice = JSON.parse(kept)[0]; }
        } catch (error) { /* no storage, or a foreign value: the system decides */ }
        const dark = window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;
        return choice === "light" || (choice !== "dark" && !dark);
    }
})();
