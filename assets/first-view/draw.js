// The first view, part 2 of 2 (part 1: components/first_view/head.js): runs right after
// plotly.js, before React and Dash. Draws the three figures of Dash's layout, static,
// into the page's still picture (`#first-view`, written from the same layout by
// components/first_view/picture.py), which lies over the page until Dash has drawn the
// same figures in their places. The picture's parts that change with the day
// (`data-component`) are written again from the layout.
(function () {
    "use strict";
    const overlay = document.getElementById("first-view");
    const state = window.blocsFirstView;
    if (!overlay) { return; }
    if (!state) {
        overlay.remove();
        return;  // Dash's scripts are loading already
    }
    const views = Array.from(overlay.querySelectorAll("[data-view]"));
    let finished = false;
    state.drawn = [];  // the views drawn here, for tests and the curious

    if (state.layout) {
        draw(state.layout);  // at once, before the next script runs
    } else {
        state.parsed.then(draw).catch(finish);
    }
    window.requestAnimationFrame(watch);
    window.setTimeout(finish, 20000);  // whatever happens, never hide the page for longer

    function draw(layout) {
        if (finished) { return; }
        overlay.querySelectorAll("[data-component]").forEach(function (place) {
            const component = find(layout, place.dataset.component);
            if (component) { place.replaceWith(render(component)); }
        });
        views.forEach(function (place) {
            const graph = find(layout, place.dataset.view);
            const figure = graph && graph.props.figure;
            if (!figure || !figure.data) { return; }
            const config = Object.assign({}, graph.props.config, {staticPlot: true, responsive: false});
            window.Plotly.newPlot(place, figure.data, figure.layout, config).then(function () {
                state.drawn.push(place.dataset.view);
            });
        });
        // Once the frame with the picture is out, Dash's scripts: until then they would
        // only compete with the picture for the processor.
        window.requestAnimationFrame(function () {
            state.painted = window.performance.now();
            window.setTimeout(window.blocsLoadDash, 0);
        });
    }

    // Dash has drawn a view once its graph holds a drawn figure.
    function drawn(id) {
        const graph = document.querySelector("#" + id + " .js-plotly-plot");
        return Boolean(graph && graph._fullLayout && graph.querySelector(".main-svg"));
    }

    // Once React has put the page in, the picture's header and cards go: each figure
    // then lies over its place in the real page, following it if the page moves, until
    // Dash has drawn it there.
    function watch() {
        if (finished) { return; }
        const hosts = views.map(function (place) { return document.getElementById(place.dataset.view); });
        if (overlay.isConnected && hosts.every(Boolean)) { float(); }
        views.forEach(function (place, index) {
            if (!place.isConnected) { return; }
            if (hosts[index] && drawn(place.dataset.view)) {
                retire(place);
            } else if (!overlay.isConnected && hosts[index]) {
                const box = hosts[index].getBoundingClientRect();
                place.style.left = box.left + window.scrollX + "px";
                place.style.top = box.top + window.scrollY + "px";
            }
        });
        if (views.every(function (place) { return !place.isConnected; })) {
            finish();
        } else {
            window.requestAnimationFrame(watch);
        }
    }
    function float() {
        views.forEach(function (place) {
            const box = place.getBoundingClientRect();
            place.style.width = box.width + "px";
            place.style.height = box.height + "px";
            place.classList.add("first-view__figure");
            document.body.appendChild(place);
        });
        overlay.remove();
    }
    function retire(place) {
        if (place._fullLayout) { window.Plotly.purge(place); }
        place.remove();
    }
    function finish() {
        if (finished) { return; }
        finished = true;
        window.blocsLoadDash();
        state.done = true;
        views.forEach(retire);
        overlay.remove();
    }

    // A tree of Dash's html components as the page's elements: tags, classes, styles and
    // text (no ids: the real ones are Dash's).
    function render(node) {
        if (typeof node === "string" || typeof node === "number") {
            return document.createTextNode(String(node));
        }
        const part = document.createDocumentFragment();
        if (Array.isArray(node)) {
            node.forEach(function (child) { part.appendChild(render(child)); });
            return part;
        }
        if (!node || node.namespace !== "dash_html_components") { return part; }
        const props = node.props || {};
        const element = document.createElement(node.type.toLowerCase());
        if (props.className) { element.className = props.className; }
        if (props.style) { Object.assign(element.style, props.style); }
        element.appendChild(render(props.children));
        return element;
    }

    function find(node, id) {
        if (Array.isArray(node)) {
            for (const item of node) {
                const found = find(item, id);
                if (found) { return found; }
            }
        } else if (node && typeof node === "object" && node.props) {
            return node.props.id === id ? node : find(node.props.children, id);
        }
        return null;
    }
})();
