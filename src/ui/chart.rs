//! A horizontal bar chart in SVG, drawn on the server: no script, readable without colour (each
//! bar carries its number), and always shown next to a table with the same figures.

use leptos::prelude::*;

/// One bar: its label, its length (any unit, scaled to the longest) and the text printed at its
/// end.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: i64,
    pub text: String,
}

const ROW: i64 = 28;
const LABEL_W: i64 = 150;
const BAR_W: i64 = 190;

#[component]
pub fn BarChart(
    /// What the chart shows, for screen readers (the table beside it has the details).
    #[prop(into)]
    title: String,
    bars: Vec<Bar>,
) -> impl IntoView {
    let max = bars.iter().map(|b| b.value).max().unwrap_or(0).max(1);
    let height = ROW * bars.len().max(1) as i64;
    let rows = bars
        .into_iter()
        .enumerate()
        .map(|(i, b)| {
            let y = i as i64 * ROW;
            let w = (b.value * BAR_W / max).max(if b.value > 0 { 2 } else { 0 });
            let label: String = b.label.chars().take(10).collect();
            view! {
                <g>
                    <text x=LABEL_W - 6 y=y + 19 text-anchor="end" font-size="13" fill="#1f2937">{label}</text>
                    <rect x=LABEL_W y=y + 6 width=w height="16" fill="#991b1b"></rect>
                    <text x=LABEL_W + w + 4 y=y + 19 font-size="12" fill="#1f2937">{b.text}</text>
                </g>
            }
        })
        .collect_view();
    view! {
        <svg viewBox=format!("0 0 {} {height}", LABEL_W + BAR_W + 60) class="h-auto w-full max-w-xl" role="img" aria-label=title>
            {rows}
        </svg>
    }
}
