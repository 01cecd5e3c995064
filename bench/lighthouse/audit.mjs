// Lighthouse's accessibility score for every view a reader meets, against a running
// dashboard (the production command, see README.md). Usage:
//   node audit.mjs http://127.0.0.1:8060/ [mobile|desktop]
// Prints one line per view and the failing audits; exits 1 if any score is below 1.
import puppeteer from "puppeteer-core";
import {startFlow, desktopConfig} from "lighthouse";

const base = new URL(process.argv[2] || "http://127.0.0.1:8050/");
const formFactor = process.argv[3] === "desktop" ? "desktop" : "mobile";
const config = formFactor === "desktop" ? desktopConfig : undefined;
const settings = {onlyCategories: ["accessibility"]};

const at = (query) => new URL(query, base).toString();
const settled = (page) => page.waitForFunction(
    () => !document.querySelector("[data-dash-is-loading]")
        && document.querySelectorAll(".js-plotly-plot .main-svg").length >= 1,
    {timeout: 30000},
);

// Each view: a name, the address, and what to do on the page before auditing it.
const VIEWS = [
    ["default", "", null],
    ["embed map", "?embed=map", null],
    ["embed overlap", "?embed=overlap", null],
    ["embed timeline", "?embed=timeline", null],
    ["side panel", "?country=KAZ&date=2014-04-24", null],
    ["dark colours", "", async (page) => {
        await page.emulateMediaFeatures([{name: "prefers-color-scheme", value: "dark"}]);
        await page.reload();
        await settled(page);
        await page.waitForFunction(() => document.documentElement.dataset.bsTheme === "dark");
    }],
    ["share dialog", "", async (page) => {
        await page.click("#share-open");
        await page.waitForSelector("#share-link", {visible: true});
        await new Promise((resolve) => setTimeout(resolve, 500)); // the dialog's fade
    }],
    ["about dialog", "", async (page) => {
        await page.click("#about-open");
        await page.waitForSelector("#about-citation", {visible: true});
        await new Promise((resolve) => setTimeout(resolve, 500));
    }],
];

const browser = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH || "/usr/bin/chromium",
    args: ["--headless=new", "--no-sandbox"],
});
let failed = false;
try {
    for (const [name, query, before] of VIEWS) {
        const page = await browser.newPage();
        const flow = await startFlow(page, {config, flags: {formFactor, ...settings}});
        await page.goto(at(query));
        await settled(page);
        if (before) { await before(page); }
        await flow.snapshot({name});
        const [step] = (await flow.createFlowResult()).steps;
        const result = step.lhr;
        const category = result.categories.accessibility;
        console.log(`${category.score.toFixed(2)}  ${name}  (${formFactor}, ${at(query)})`);
        for (const ref of category.auditRefs) {
            const audit = result.audits[ref.id];
            if (audit.score !== null && audit.score < 1) {
                failed = true;
                const nodes = (audit.details?.items || []).slice(0, 3).map((item) => item.node?.snippet);
                console.log(`      ${ref.id}: ${audit.title} ${JSON.stringify(nodes)}`);
            }
        }
        await page.close();
    }
} finally {
    await browser.close();
}
process.exit(failed ? 1 : 0);
