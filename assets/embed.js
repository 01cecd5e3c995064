/*
 * A page shown in a frame tells the page around it how tall it is, so that the frame can
 * fit it without a scroll bar of its own (the share dialog's snippet listens: `share` in
 * assets/blocs.js; the message is described in README.md, "Embedding").
 *
 * The message, posted to the parent whenever the height changes:
 *   {source: "csto-sco-dashboard", type: "height", height: <CSS pixels, an integer>}
 *
 * The map and the overlap embedded alone fill whatever height their frame has, so they
 * post nothing: a height that followed the frame's would only chase itself. The timeline
 * alone and the whole dashboard are as tall as what they show.
 *
 * The message goes to the parent's origin where the browser names it (only a page that
 * the Content-Security-Policy's frame-ancestors allows can frame this one, and the
 * snippet checks the sender's origin in turn).
 */
(function () {
    "use strict";

    if (window.parent === window) { return; }

    const FILLS = ["page--embed-map", "page--embed-overlap"];
    let posted = null;
    let scheduled = false;

    function parentOrigin() {
        const ancestors = window.location.ancestorOrigins;
        if (ancestors && ancestors.length > 0 && ancestors[0] !== "null") { return ancestors[0]; }
        try {
            return new URL(document.referrer).origin;
        } catch (error) {
            return "*";
        }
    }

    function contentHeight() {
        const page = document.getElementById("page");
        if (!page || FILLS.some((mark) => page.classList.contains(mark))) { return null; }
        return Math.ceil(page.getBoundingClientRect().bottom + window.scrollY);
    }

    function post() {
        scheduled = false;
        const height = contentHeight();
        if (height === null || height === posted || height <= 0) { return; }
        posted = height;
        window.parent.postMessage({source: "csto-sco-dashboard", type: "height", height: height}, parentOrigin());
    }

    function schedule() {
        if (!scheduled) {
            scheduled = true;
            window.requestAnimationFrame(post);
        }
    }

    // The body's size follows what the page shows, the embedded view's mark included.
    function watch() {
        new ResizeObserver(schedule).observe(document.body);
        schedule();
    }

    if (document.body) { watch(); } else { document.addEventListener("DOMContentLoaded", watch); }
})();
