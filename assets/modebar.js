/*
 * The figures' PNG and SVG downloads from their modebars, as they are on screen; and the
 * figure every saved image starts from (`window.blocsExportFigure`), which the cards'
 * slide-ready buttons use too (`saveFigure` in assets/blocs.js).
 *
 * A figure is saved with its layout's `meta.export` applied (the timeline's legend, which
 * the page shows as a key of its own, goes into the saved image) and without the
 * timeline's range slider. So the modebar's camera is this file's, not plotly.js's, and an
 * SVG button stands beside it.
 *
 * plotly.js takes custom modebar buttons only as JavaScript objects with a click
 * function, which a Dash figure's JSON config cannot carry; so this wraps Plotly.react
 * (which dcc.Graph calls with {data, layout, frames, config}) to add the buttons.
 * plotly.js may arrive after this file, so the wrapping happens when it does.
 */
(function () {
    "use strict";

    // One pair of buttons and one extended config per config object: plotly.js compares
    // the config of each update with the last one, and a new button (a new click function)
    // would count as a change and make it redraw the whole figure instead of what changed.
    let buttons = null;
    const extended = new WeakMap();

    // The figure `gd` shows, as it is saved: its layout's `meta.export` applied, and no range
    // slider (a control, not a part of the picture). Copies: plotly.js writes into what it draws.
    function exportFigure(gd) {
        const layout = JSON.parse(JSON.stringify(Object.assign({}, gd.layout, gd.layout && gd.layout.meta && gd.layout.meta.export)));
        const slider = layout.xaxis && layout.xaxis.rangeslider;
        if (slider) { layout.xaxis.rangeslider = Object.assign({}, slider, {visible: false}); }
        return {data: JSON.parse(JSON.stringify(gd.data)), layout: layout};
    }
    window.blocsExportFigure = exportFigure;

    function saveImage(gd, options) {
        return window.Plotly.downloadImage(exportFigure(gd), options);
    }
    window.blocsSaveImage = saveImage;

    function filename(gd) {
        return "csto-sco-nato-" + (gd.parentElement.id || "figure");
    }

    function saveButtons() {
        if (buttons === null) {
            buttons = [
                {
                    name: "downloadPng",
                    title: "Download as PNG",
                    icon: window.Plotly.Icons.camera,
                    click: function (gd) {
                        saveImage(gd, Object.assign(
                            {format: "png", width: gd.clientWidth, height: gd.clientHeight, filename: filename(gd)},
                            gd._context && gd._context.toImageButtonOptions
                        ));
                    },
                },
                {
                    name: "downloadSvg",
                    title: "Download as SVG (for slides and print)",
                    icon: window.Plotly.Icons.disk,  // not the PNG's camera: the two must not look alike
                    click: function (gd) {
                        saveImage(gd, {format: "svg", width: gd.clientWidth, height: gd.clientHeight, filename: filename(gd)});
                    },
                },
            ];
        }
        return buttons;
    }

    function withSaveButtons(figure) {
        if (!figure || typeof figure !== "object" || !figure.config) {
            return figure;
        }
        const added = figure.config.modeBarButtonsToAdd || [];
        if (added.some(function (one) { return one && one.name === "downloadSvg"; })) {
            return figure;
        }
        if (!extended.has(figure.config)) {
            extended.set(figure.config, Object.assign({}, figure.config, {
                modeBarButtonsToAdd: added.concat(saveButtons()),
                modeBarButtonsToRemove: (figure.config.modeBarButtonsToRemove || []).concat(["toImage"]),
            }));
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
                return react.apply(this, [gd, withSaveButtons(figure)].concat(rest));
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
