//! Back-office view of the unit tree.

use super::UnitView;
use super::api::admin_units;
use crate::domain::UnitKind;
use crate::i18n::Msg;
use crate::ui::layout::PageHeading;
use crate::ui::{tr, use_prefs};
use leptos::prelude::*;

pub fn kind_msg(kind: UnitKind) -> Msg {
    match kind {
        UnitKind::Department => Msg::UnitKindDepartment,
        UnitKind::Township => Msg::UnitKindTownship,
        UnitKind::Enterprise => Msg::UnitKindEnterprise,
    }
}

#[component]
pub fn AdminUnits() -> impl IntoView {
    let units = OnceResource::new(admin_units());
    let prefs = use_prefs();
    view! {
        <PageHeading title=Msg::UnitsAdmin/>
        <Suspense fallback=move || view! { <p>{tr(Msg::Loading)}</p> }>
            {crate::ui::suspend(move || async move {
                match units.await {
                    Ok(list) => view! { <UnitTables units=list/> }.into_any(),
                    Err(e) => view! { <p role="alert" class="text-red-800">{e.text(prefs.get_untracked().locale)}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn UnitTables(units: Vec<UnitView>) -> impl IntoView {
    let prefs = use_prefs();
    let total = units.len();
    view! {
        <p class="mb-4">{tr(Msg::UnitsTotal)}": " <strong data-testid="units-total">{total}</strong></p>
        {UnitKind::ALL
            .into_iter()
            .map(|kind| {
                let of_kind: Vec<UnitView> = units.iter().filter(|u| u.kind == kind).cloned().collect();
                let count = of_kind.len();
                let heading_id = format!("units-{}", kind.as_str());
                let labelled_by = heading_id.clone();
                let table_label = heading_id.clone();
                view! {
                    <section aria-labelledby=labelled_by class="mb-6">
                        <h2 id=heading_id class="mb-2 text-lg font-bold">
                            {tr(kind_msg(kind))} " (" {count} {move || Msg::UnitsOfKind.text(prefs.get().locale)} ")"
                        </h2>
                        // Focusable so keyboard users can scroll it on a narrow screen.
                        <div
                            class="overflow-x-auto rounded border border-gray-300 bg-white"
                            tabindex="0"
                            role="region"
                            aria-labelledby=table_label
                        >
                            <table class="w-full text-left">
                                <thead class="bg-gray-100">
                                    <tr>
                                        <th scope="col" class="px-3 py-2">{tr(Msg::UnitName)}</th>
                                        <th scope="col" class="px-3 py-2">{tr(Msg::UnitCode)}</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {of_kind
                                        .into_iter()
                                        .map(|u| {
                                            let indent = if u.parent_id.is_some() { "pl-8" } else { "pl-3" };
                                            view! {
                                                <tr class="border-t border-gray-200">
                                                    <td class=format!("py-2 pr-3 {indent}")>{u.name}</td>
                                                    <td class="px-3 py-2 font-mono">{u.code}</td>
                                                </tr>
                                            }
                                        })
                                        .collect_view()}
                                </tbody>
                            </table>
                        </div>
                    </section>
                }
            })
            .collect_view()}
    }
}
