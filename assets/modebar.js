/*
 * An SVG download button in every figure's modebar, beside plotly.js's PNG camera.
 *
 * plotly.js takes custom modebar buttons only as JavaScript objects with a click
 * function, which a Dash figure's JSON config cannot carry; so this wraps Plotly.react
 * (which dcc.Graph calls with {data, layout, frames, config}) to add the button.
 * plotly.js loads asynchronously, so the wrapping happens when it arrives.
 */
(function () {
    "use strict";

    // One button and one extended config per config object: plotly.js compares the config
    // of each update with the last one, and a new button (a new click function) would
    // count as a change and make it redraw the whole figure instead of what changed.
    let button = null;
    const extended = new WeakMap();

    function svgButton() {
        if (button === null) {
            button = {
                name: "downloadSvg",
                title: "Download as SVG (for slides and print)",
                icon: window.Plotly.Icons.camera,
                click: function (gd) {
                    window.Plotly.downloadImage(gd, {
                        format: "svg",
                        width: gd.clientWidth,
                        height: gd.clientHeight,
                        filename: "csto-sco-nato-" + (gd.parentElement.id || "figure"),
                    });
                },
            };
        }
        return button;
    }

    function withSvgButton(figure) {
        if (!figure || typeof figure !== "object" || !figure.config) {
            return figure;
        }
        const added = figure.config.modeBarButtonsToAdd || [];
        if (added.some(function (one) { return one && one.name === "downloadSvg"; })) {
            return figure;
        }
        if (!extended.has(figure.config)) {
            extended.set(
                figure.config,
                Object.assign({}, figure.config, {modeBarButtonsToAdd: added.concat([svgButton()])})
            );
        }
        return Object.assign({}, figure, {config: extended.get(figure.config)});
    }

    function wrap() {
        const Plotly = window.Plotly;
        if (!Plotly || !Plotly.react || !Plotly.Icons) {
            return false;
        }
        if (!Plotly.__blocsSvgButton) {
            const react = Plotly.react;
            Plotly.react = function (gd, figure) {
                const rest = Array.prototype.slice.call(arguments, 2);
                return react.apply(this, [gd, withSvgButton(figure)].concat(rest));
            };
            Plotly.__blocsSvgButton = true;
        }
        return true;
    }

    // Wrap plotly.js the moment its bundle assigns window.Plotly, before any figure is drawn.
    if (!wrap()) {
        let loaded = window.Plotly;
        Object.defineProperty(window, "Plotly", {
            configurable: true,
            enumerable: true,
            get: function () { return loaded; },
            set: function (value) {
                loaded = value;
                wrap();
            },
        });
    }
})();
