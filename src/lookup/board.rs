//! The public live board (办件公示): the latest cases across units with masked names, and the
//! running totals 累计报件数, 累计办结数, 办结率 per unit and overall.

use crate::domain::application::{CaseKind, CaseStatus};
use crate::error::AppError;
use crate::i18n::Msg;
use crate::ui::layout::PageHeading;
use crate::ui::{tr, use_prefs};
use leptos::prelude::*;
use leptos_meta::Title;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardRow {
    pub applicant: String,
    pub kind: CaseKind,
    pub matter: Option<String>,
    pub unit_name: String,
    pub filed_on: String,
    pub status: CaseStatus,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardUnit {
    pub name: String,
    pub filed: i64,
    pub done: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Board {
    pub filed: i64,
    pub done: i64,
    pub latest: Vec<BoardRow>,
    pub units: Vec<BoardUnit>,
}

/// 办结率 in percent with two decimals, e.g. "99.67%".
pub fn rate(filed: i64, done: i64) -> String {
    if filed <= 0 {
        return "—".into();
    }
    let basis_points = (done as i128 * 10_000 + filed as i128 / 2) / filed as i128;
    format!("{}.{:02}%", basis_points / 100, basis_points % 100)
}

#[server(endpoint = "lookup/board")]
pub async fn get_board() -> Result<Board, AppError> {
    use crate::cases::store;
    let state = crate::server::auth::state()?;
    let units: Vec<BoardUnit> = store::board_units(&state.db)
        .await?
        .into_iter()
        .filter(|u| u.2 > 0)
        .map(|(_, name, filed, done)| BoardUnit { name, filed, done })
        .collect();
    let latest = store::latest(&state.db, 20)
        .await?
        .into_iter()
        .map(|r| BoardRow {
            applicant: crate::domain::mask_name(&r.applicant_name),
            kind: CaseKind::parse(&r.kind).unwrap_or(CaseKind::Info),
            matter: r.matter,
            unit_name: r.unit_name,
            filed_on: r.filed_on,
            status: CaseStatus::parse(&r.status).unwrap_or(CaseStatus::Received),
        })
        .collect();
    Ok(Board { filed: units.iter().map(|u| u.filed).sum(), done: units.iter().map(|u| u.done).sum(), latest, units })
}

/// Seconds between refreshes of the board when JavaScript is on: one full turn of the scrolling
/// list (style/main.css, `board-scroll`), so a refresh restarts it where it would loop anyway.
const REFRESH_SECS: u64 = 60;

#[component]
pub fn BoardPage() -> impl IntoView {
    let tick = RwSignal::new(0u32);
    // In the browser only: refresh the figures and the list every few seconds.
    Effect::new(move |_| {
        let _ = set_interval_with_handle(move || tick.update(|t| *t += 1), std::time::Duration::from_secs(REFRESH_SECS));
    });
    let data = Resource::new(move || tick.get(), |_| get_board());
    // Kept across refreshes, so a reader who paused the list is not surprised by it moving again.
    let paused = RwSignal::new(false);
    view! {
        <Title text=crate::ui::title_text(Msg::BoardTitle)/>
        <div class="mx-auto max-w-5xl px-4 py-6">
            <PageHeading title=Msg::BoardTitle lead=Msg::BoardLead/>
            <Transition fallback=move || view! { <p>{tr(Msg::Loading)}</p> }>
                {crate::ui::suspend(move || async move {
                    match data.await {
                        Ok(board) => view! { <BoardView board paused/> }.into_any(),
                        Err(e) => crate::apply::pages::load_error(e),
                    }
                })}
            </Transition>
        </div>
    }
}

#[component]
fn BoardView(board: Board, paused: RwSignal<bool>) -> impl IntoView {
    let prefs = use_prefs();
    let rows = move |latest: Vec<BoardRow>| {
        latest
            .into_iter()
            .map(|r| {
                let what = r.matter.clone();
                view! {
                    <li class="flex flex-wrap gap-x-3 px-3 py-2">
                        <span class="font-medium">{r.applicant.clone()}</span>
                        <span>{move || what.clone().unwrap_or_else(|| r.kind.msg().text(prefs.get().locale).to_owned())}</span>
                        <span class="text-gray-700">{r.unit_name.clone()}</span>
                        <span class="font-mono text-gray-700">{r.filed_on.clone()}</span>
                        <span class="font-bold">{tr(r.status.msg())}</span>
                    </li>
                }
            })
            .collect_view()
    };
    let figure = "rounded-lg border border-gray-300 bg-white p-4 text-center";
    let number = "block text-3xl font-bold tabular-nums text-red-900";
    view! {
        <div class="mb-6 grid grid-cols-1 gap-3 sm:grid-cols-3" data-testid="board-totals">
            <p class=figure><span class=number data-testid="total-filed">{board.filed}</span>{tr(Msg::TotalFiled)}</p>
            <p class=figure><span class=number data-testid="total-done">{board.done}</span>{tr(Msg::TotalDone)}</p>
            <p class=figure><span class=number data-testid="done-rate">{rate(board.filed, board.done)}</span>{tr(Msg::DoneRate)}</p>
        </div>
        <section aria-labelledby="latest-heading" class="mb-6">
            <div class="mb-2 flex flex-wrap items-center justify-between gap-2">
                <h2 id="latest-heading" class="text-lg font-bold">{tr(Msg::LatestCases)}</h2>
                <button type="button" class="board-pause tap items-center rounded border border-gray-500 bg-white px-3 py-1 text-sm font-medium"
                    aria-pressed=move || paused.get().to_string() on:click=move |_| paused.update(|p| *p = !*p) data-testid="board-pause">
                    {move || if paused.get() { tr(Msg::ResumeScrolling) } else { tr(Msg::PauseScrolling) }}
                </button>
            </div>
            <div class=move || if paused.get() { "board-scroll paused rounded-lg border border-gray-300 bg-white" } else { "board-scroll rounded-lg border border-gray-300 bg-white" }>
                <div class="board-scroll-track">
                    <ul class="divide-y divide-gray-200" data-testid="board-latest">{rows(board.latest.clone())}</ul>
                    <ul class="board-scroll-copy divide-y divide-gray-200 border-t border-gray-200" aria-hidden="true">{rows(board.latest)}</ul>
                </div>
            </div>
        </section>
        <section aria-labelledby="units-heading">
            <h2 id="units-heading" class="mb-2 text-lg font-bold">{tr(Msg::PerUnitFigures)}</h2>
            <div class="overflow-x-auto rounded border border-gray-300 bg-white" tabindex="0" role="region" aria-labelledby="units-heading">
                <table class="w-full text-left">
                    <thead class="bg-gray-100">
                        <tr>
                            <th scope="col" class="px-3 py-2">{tr(Msg::UnitLabel)}</th>
                            <th scope="col" class="px-3 py-2 text-right">{tr(Msg::TotalFiled)}</th>
                            <th scope="col" class="px-3 py-2 text-right">{tr(Msg::TotalDone)}</th>
                            <th scope="col" class="px-3 py-2 text-right">{tr(Msg::DoneRate)}</th>
                        </tr>
                    </thead>
                    <tbody data-testid="board-units">
                        {board.units.into_iter().map(|u| view! {
                            <tr class="border-t border-gray-200">
                                <th scope="row" class="px-3 py-2 font-normal">{u.name.clone()}</th>
                                <td class="px-3 py-2 text-right tabular-nums">{u.filed}</td>
                                <td class="px-3 py-2 text-right tabular-nums">{u.done}</td>
                                <td class="px-3 py-2 text-right tabular-nums">{rate(u.filed, u.done)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_rate_has_two_decimals() {
        assert_eq!(super::rate(310_527, 309_500), "99.67%");
        assert_eq!(super::rate(3, 3), "100.00%");
        assert_eq!(super::rate(0, 0), "—");
    }
}
