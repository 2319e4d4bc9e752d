//! `/catalog/reports/{year}`: the yearly 政府信息公开工作年度报告 of the county or one unit.
//! The applications table keeps the prescribed form's own (Chinese) wording in every language.

use super::AnnualReport;
use super::api::get_annual_report;
use crate::apply::pages::loaded;
use crate::domain::report::{COLUMNS, ROWS};
use crate::i18n::Msg;
use crate::ui::{tr, use_site};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

const CARD: &str = "mb-5 rounded-lg border border-gray-300 bg-white p-4";

#[component]
pub fn AnnualReportPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let args = move || {
        let year = params.read().get("year").and_then(|y| y.parse::<i32>().ok()).unwrap_or(0);
        (year, query.read().get("unit").unwrap_or_default())
    };
    let data = Resource::new(args, |(year, unit)| get_annual_report(year, unit));
    view! {
        <div class="mx-auto max-w-5xl px-4 py-6">
            {loaded(data, |r: AnnualReport| view! { <ReportBody r/> })}
        </div>
    }
}

#[component]
fn ReportBody(r: AnnualReport) -> impl IntoView {
    let site = use_site();
    let who = if r.unit.is_some() { r.unit_name.clone() } else { format!("{}人民政府", site.hans) };
    let heading = format!("{who}{}年政府信息公开工作年度报告", r.year);
    let balanced = r.unbalanced.is_empty();
    let failing: Vec<&str> = r.unbalanced.iter().filter_map(|c| COLUMNS.get(*c).copied()).collect();
    let year = r.year;
    let units = r.units.clone();
    let chosen = r.unit;
    view! {
        <Title text=heading.clone()/>
        <h1 class="mb-3 text-2xl font-bold sm:text-3xl">{heading.clone()}</h1>
        <form method="get" action=format!("/catalog/reports/{year}") class="mb-4 flex flex-wrap items-end gap-3 print:hidden">
            <label for="report-unit" class="font-medium">{tr(Msg::ReportUnit)}</label>
            <select id="report-unit" name="unit" class="tap rounded border border-gray-500 bg-white px-3 py-2">
                <option value="" selected=chosen.is_none()>{tr(Msg::ReportWholeCounty)}</option>
                {units.into_iter().map(|u| {
                    let selected = chosen == Some(u.id);
                    let indent = "　".repeat(usize::from(u.depth));
                    view! { <option value=u.id.to_string() selected=selected>{indent}{u.name}</option> }
                }).collect_view()}
            </select>
            <button type="submit" class="tap rounded bg-red-800 px-4 py-2 font-bold text-white hover:bg-red-900">{tr(Msg::ReportShow)}</button>
        </form>
        {r.provisional.then(|| view! { <p class="mb-4 rounded border border-amber-700 bg-amber-50 px-3 py-2">{tr(Msg::ReportProvisional)}</p> })}
        <section class=CARD aria-labelledby="r1">
            <h2 id="r1" class="mb-2 text-xl font-bold">"一、总体情况"</h2>
            <p>{tr(Msg::ReportGenerated)}</p>
        </section>
        <section class=CARD aria-labelledby="r2">
            <h2 id="r2" class="mb-2 text-xl font-bold">"二、主动公开政府信息情况"</h2>
            <table class="w-full text-left">
                <thead class="bg-gray-100"><tr><th scope="col" class="px-2 py-1">"信息内容"</th><th scope="col" class="px-2 py-1 text-right">"本年新公开数量"</th><th scope="col" class="px-2 py-1 text-right">"本年更新数量"</th></tr></thead>
                <tbody><tr class="border-t border-gray-200"><th scope="row" class="px-2 py-1 font-normal">"政府信息公开目录条目"</th>
                    <td class="px-2 py-1 text-right" data-testid="published">{r.published}</td><td class="px-2 py-1 text-right">{r.revised}</td></tr></tbody>
            </table>
        </section>
        <section class=CARD aria-labelledby="r3">
            <h2 id="r3" class="mb-2 text-xl font-bold">"三、收到和处理政府信息公开申请情况"</h2>
            <p class="mb-2 font-medium" data-testid="balance" role="status">
                {if balanced { tr(Msg::ReportBalanced)().to_owned() } else { format!("{}{}", tr(Msg::ReportUnbalanced)(), failing.join("、")) }}
            </p>
            <div class="overflow-x-auto" tabindex="0" role="region" aria-labelledby="r3">
                <table class="w-full min-w-[40rem] text-left text-sm" data-testid="application-table">
                    <thead class="bg-gray-100">
                        <tr>
                            <th scope="col" rowspan="2" class="px-2 py-1">"（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"</th>
                            <th scope="col" rowspan="2" class="px-2 py-1 text-right">{COLUMNS[0]}</th>
                            <th scope="colgroup" colspan="5" class="px-2 py-1 text-center">"法人或其他组织"</th>
                            <th scope="col" rowspan="2" class="px-2 py-1 text-right">{COLUMNS[6]}</th>
                        </tr>
                        <tr>{COLUMNS[1..6].iter().map(|c| view! { <th scope="col" class="px-2 py-1 text-right">{*c}</th> }).collect_view()}</tr>
                    </thead>
                    <tbody>
                        {ROWS.iter().take(25).map(|(key, label)| {
                            let n = r.table.row(key);
                            view! {
                                <tr class="border-t border-gray-200" data-row=*key>
                                    <th scope="row" class="px-2 py-1 font-normal">{*label}</th>
                                    {n.iter().map(|v| view! { <td class="px-2 py-1 text-right">{*v}</td> }).collect_view()}
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
        <section class=CARD aria-labelledby="r4">
            <h2 id="r4" class="mb-2 text-xl font-bold">"四、政府信息公开行政复议、行政诉讼情况"</h2>
            <h2 class="mb-2 mt-4 text-xl font-bold">"五、存在的主要问题及改进情况"</h2>
            <h2 class="mb-2 mt-4 text-xl font-bold">"六、其他需要报告的事项"</h2>
            <p class="text-gray-700">{tr(Msg::ReportWrittenByUnit)}</p>
        </section>
    }
}
