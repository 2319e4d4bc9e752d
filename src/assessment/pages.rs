//! The assessment's pages:
//! - `/catalog/reports/{year}`: the yearly 政府信息公开工作年度报告 of the county or one unit. The
//!   report keeps the prescribed form's own (Chinese) wording in every language;
//! - `/admin/assessment`: the self-audit and the six dimensions;
//! - `/admin/assessment/scores`: publishing-frequency scores, ranking and rules;
//! - `/admin/reports`: the written parts of the reports.

use super::api::{
    RemoveFrequencyRule, SaveReportTexts, SetColumnClass, SetFrequencyRule, get_annual_report, get_assessment, get_report_edit, get_scores,
};
use super::{AnnualReport, AssessmentView, REVIEW_GROUPS, REVIEW_OUTCOMES, ReportEdit, ReportTexts, ScoresView};
use crate::apply::pages::loaded;
use crate::domain::assessment::{ColumnClass, Finding, Period, RuleResult, UnitScore, VetoRule, tenths};
use crate::domain::catalog::Topic;
use crate::domain::report::{COLUMNS, ROWS};
use crate::domain::{Locale, UnitKind};
use crate::i18n::Msg;
use crate::ui::form::{FormAlert, PrintButton, SelectField, TextField};
use crate::ui::layout::PageHeading;
use crate::ui::{title_text, tr, use_prefs, use_site};
use crate::units::pages::kind_msg;
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
        <div class="report mx-auto max-w-5xl px-4 py-6">
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
    let texts = r.texts.clone();
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
            <PrintButton class="tap rounded border border-gray-500 bg-white px-4 py-2 font-medium hover:bg-gray-100"/>
        </form>
        {r.provisional.then(|| view! { <p class="mb-4 rounded border border-amber-700 bg-amber-50 px-3 py-2">{tr(Msg::ReportProvisional)}</p> })}
        <section class=CARD aria-labelledby="r1">
            <h2 id="r1" class="mb-2 text-xl font-bold">"一、总体情况"</h2>
            <Paragraphs text=texts.overview.clone()/>
            <p class="text-sm text-gray-700">{tr(Msg::ReportGenerated)}</p>
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
                {if balanced { tr(Msg::ReportBalanced).to_owned() } else { format!("{}{}", tr(Msg::ReportUnbalanced), failing.join("、")) }}
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
            <ReviewTable texts=texts.clone()/>
        </section>
        <section class=CARD aria-labelledby="r5">
            <h2 id="r5" class="mb-2 text-xl font-bold">"五、存在的主要问题及改进情况"</h2>
            <Paragraphs text=texts.problems.clone()/>
        </section>
        <section class=CARD aria-labelledby="r6">
            <h2 id="r6" class="mb-2 text-xl font-bold">"六、其他需要报告的事项"</h2>
            <Paragraphs text=texts.other.clone()/>
        </section>
    }
}

/// Written text as paragraphs (one per line), escaped; a note when nothing is written yet.
#[component]
fn Paragraphs(text: String) -> impl IntoView {
    if text.trim().is_empty() {
        return view! { <p class="text-gray-700" data-testid="not-written">{tr(Msg::ReportNotWritten)}</p> }.into_any();
    }
    let paragraphs: Vec<String> = text.lines().map(str::trim).filter(|p| !p.is_empty()).map(str::to_owned).collect();
    view! { <div class="space-y-2" data-testid="written">{paragraphs.into_iter().map(|p| view! { <p class="indent-8">{p}</p> }).collect_view()}</div> }.into_any()
}

/// Section 四 in the prescribed layout: 行政复议, then 行政诉讼 without and after review, each
/// with its four outcomes and their total.
#[component]
fn ReviewTable(texts: ReportTexts) -> impl IntoView {
    let cells: Vec<i64> = (0..3).flat_map(|g| texts.review_group(g)).collect();
    let head = |class: &'static str| REVIEW_OUTCOMES.iter().chain(["总计"].iter()).map(move |o| view! { <th scope="col" class=class>{*o}</th> }).collect_view();
    view! {
        <div class="overflow-x-auto" tabindex="0" role="region" aria-labelledby="r4">
            <table class="w-full min-w-[48rem] text-center text-sm" data-testid="review-table">
                <thead class="bg-gray-100">
                    <tr>
                        <th scope="colgroup" colspan="5" class="px-2 py-1">{REVIEW_GROUPS[0]}</th>
                        <th scope="colgroup" colspan="10" class="px-2 py-1">"行政诉讼"</th>
                    </tr>
                    <tr>
                        <th scope="colgroup" colspan="5" class="px-2 py-1"></th>
                        <th scope="colgroup" colspan="5" class="px-2 py-1">"未经复议直接起诉"</th>
                        <th scope="colgroup" colspan="5" class="px-2 py-1">"复议后起诉"</th>
                    </tr>
                    <tr>{head("px-1 py-1")}{head("px-1 py-1")}{head("px-1 py-1")}</tr>
                </thead>
                <tbody><tr class="border-t border-gray-200">{cells.into_iter().map(|n| view! { <td class="px-1 py-1">{n}</td> }).collect_view()}</tr></tbody>
            </table>
        </div>
    }
}

const INPUT: &str = "tap block w-full rounded border border-gray-500 bg-white px-3 py-2";
const BUTTON: &str = "tap rounded bg-red-800 px-4 py-2 font-bold text-white hover:bg-red-900";
const SMALL_BUTTON: &str = "tap rounded border border-gray-500 bg-white px-3 py-1 hover:bg-gray-100";

fn rule_msg(rule: VetoRule) -> Msg {
    rule.msg()
}

/// A table's column headings, each with its extra classes (alignment).
fn head(cols: &[(Msg, &'static str)]) -> impl IntoView + use<> {
    let cells = cols.iter().map(|(m, extra)| view! { <th scope="col" class=format!("px-2 py-1 {extra}")>{tr(*m)}</th> }).collect_view();
    view! { <thead class="bg-gray-100"><tr>{cells}</tr></thead> }
}

/// A finding's subject in words: the column's name, the letter's number, or the home page.
fn subject_text(f: &Finding, l: Locale) -> String {
    match f.rule {
        VetoRule::HomeStale => Msg::HomePage.text(l).to_owned(),
        VetoRule::LetterUnanswered => format!("{} {}", Msg::LetterNumber.text(l), f.subject),
        _ => Topic::parse(&f.subject).map(|t| t.msg().text(l).to_owned()).unwrap_or_else(|| f.subject.clone()),
    }
}

/// `/admin/assessment`: today's self-audit, 90 days of history and the six dimensions.
#[component]
pub fn AssessmentPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| get_assessment());
    view! {
        <Title text=title_text(Msg::AssessmentTitle)/>
        <PageHeading title=Msg::AssessmentTitle lead=Msg::AssessmentLead/>
        <p class="mb-4 flex flex-wrap gap-3">
            <a href="/admin/assessment/scores" class=SMALL_BUTTON>{tr(Msg::ScoresTitle)}</a>
            <a href="/admin/reports" class=SMALL_BUTTON>{tr(Msg::ReportsAdmin)}</a>
        </p>
        {loaded(data, |v: AssessmentView| view! { <AssessmentBody v/> })}
    }
}

#[component]
fn AssessmentBody(v: AssessmentView) -> impl IntoView {
    let prefs = use_prefs();
    let l = prefs.get_untracked().locale;
    let passed = v.audit.vetoes.is_empty();
    let verdict = if passed {
        Msg::AuditPassed.text(l).to_owned()
    } else {
        let rules: Vec<&str> = v.audit.vetoes.iter().map(|r| rule_msg(*r).text(l)).collect();
        format!("{}{}", Msg::AuditVetoed.text(l), rules.join("；"))
    };
    let checked = v.history.iter().filter(|h| h.1.is_some()).count();
    let vetoed: Vec<String> = v.history.iter().filter(|h| h.1.is_some_and(|c| c.0 > 0)).map(|h| h.0.clone()).collect();
    let summary = Msg::HistorySummary.text(l).replace("{checked}", &checked.to_string()).replace("{vetoed}", &vetoed.len().to_string());
    let findings = v.audit.findings.clone();
    let empty = findings.is_empty();
    view! {
        <section class=CARD aria-labelledby="audit-heading">
            <h2 id="audit-heading" class="mb-2 text-xl font-bold">{tr(Msg::AuditToday)}" "{v.audit.day.clone()}</h2>
            <p role="status" data-testid="audit-verdict"
                class=if passed { "mb-3 rounded border border-green-800 bg-green-50 px-3 py-2 font-bold text-green-900" } else { "mb-3 rounded border border-red-800 bg-red-50 px-3 py-2 font-bold text-red-900" }>
                {verdict}
            </p>
            {if empty {
                view! { <p>{tr(Msg::NoFindings)}</p> }.into_any()
            } else {
                view! {
                    <div class="overflow-x-auto" tabindex="0" role="region" aria-labelledby="audit-heading">
                        <table class="w-full text-left text-sm" data-testid="audit-findings">
                            {head(&[(Msg::FindingRule, ""), (Msg::FindingSubject, ""), (Msg::FindingSince, ""), (Msg::FindingResponsible, "")])}
                            <tbody>
                                {findings.into_iter().map(|f| {
                                    let subject = subject_text(&f, l);
                                    let since = if f.since.is_empty() { Msg::Never.text(l).to_owned() } else { f.since.clone() };
                                    let who = if f.responsible.is_empty() { Msg::SiteAdministrators.text(l).to_owned() } else { f.responsible.clone() };
                                    view! {
                                        <tr class="border-t border-gray-200" data-rule=f.rule.as_str()>
                                            <td class="px-2 py-1">{rule_msg(f.rule).text(l)}</td>
                                            <td class="px-2 py-1">{subject}</td>
                                            <td class="px-2 py-1">{since}</td>
                                            <td class="px-2 py-1">{who}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </section>
        <section class=CARD aria-labelledby="history-heading">
            <h2 id="history-heading" class="mb-2 text-xl font-bold">{tr(Msg::AuditHistory)}</h2>
            <p class="mb-2" data-testid="audit-history">{summary}</p>
            <div class="flex flex-wrap gap-0.5" aria-hidden="true">
                {v.history.iter().map(|(day, c)| {
                    let class = match c {
                        None => "h-4 w-4 rounded-sm bg-gray-200",
                        Some((0, _)) => "h-4 w-4 rounded-sm bg-green-700",
                        Some(_) => "h-4 w-4 rounded-sm bg-red-700",
                    };
                    view! { <span class=class title=day.clone()></span> }
                }).collect_view()}
            </div>
            {(!vetoed.is_empty()).then(|| view! {
                <p class="mt-2 text-sm">{tr(Msg::VetoedDays)}": "{vetoed.join("、")}</p>
            })}
        </section>
        <section aria-labelledby="dims-heading">
            <h2 id="dims-heading" class="mb-3 text-xl font-bold">{tr(Msg::SixDimensions)}</h2>
            <ul class="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" data-testid="dimensions">
                {v.dimensions.into_iter().map(|d| {
                    let score = d.score.map(tenths).unwrap_or_else(|| Msg::NoData.text(l).to_owned());
                    view! {
                        <li class="rounded-lg border border-gray-300 bg-white p-4">
                            <h3 class="font-bold">{d.name.text(l)}</h3>
                            <p class="my-1 text-3xl font-bold text-red-900">{score}</p>
                            <dl class="space-y-1 text-sm">
                                {d.figures.into_iter().map(|(label, value)| view! {
                                    <div class="flex flex-wrap justify-between gap-2"><dt>{label.text(l)}</dt><dd class="font-medium">{value}</dd></div>
                                }).collect_view()}
                            </dl>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

/// `/admin/assessment/scores`: the units' publishing-frequency scores and ranking, the viewer's
/// own units with what is missing and by when, and (for administrators) the rules.
#[component]
pub fn ScoresPage() -> impl IntoView {
    let query = use_query_map();
    let set = ServerAction::<SetFrequencyRule>::new();
    let remove = ServerAction::<RemoveFrequencyRule>::new();
    let column = ServerAction::<SetColumnClass>::new();
    let data = Resource::new(
        move || (query.read().get("as_of").unwrap_or_default(), set.version().get(), remove.version().get(), column.version().get()),
        |(as_of, ..)| get_scores(as_of),
    );
    view! {
        <Title text=title_text(Msg::ScoresTitle)/>
        <PageHeading title=Msg::ScoresTitle lead=Msg::ScoresLead/>
        {loaded(data, move |v: ScoresView| view! { <ScoresBody v set remove column/> })}
    }
}

#[component]
fn ScoresBody(
    v: ScoresView,
    set: ServerAction<SetFrequencyRule>,
    remove: ServerAction<RemoveFrequencyRule>,
    column: ServerAction<SetColumnClass>,
) -> impl IntoView {
    let l = use_prefs().get_untracked().locale;
    let scored = v.units.iter().filter(|u| u.score.is_some()).count();
    let own: Vec<UnitScore> = v.units.iter().filter(|u| v.own.contains(&u.unit_id)).cloned().collect();
    let ranking = v.units.clone();
    let can_edit = v.can_edit;
    let rules = v.rules.clone();
    let columns = v.columns.clone();
    view! {
        <form method="get" action="/admin/assessment/scores" class="mb-4 flex flex-wrap items-end gap-3">
            <div>
                <label for="as-of" class="block font-medium">{tr(Msg::ScoredOn)}</label>
                <input id="as-of" name="as_of" type="date" value=v.day.clone() max=v.today.clone() class=INPUT/>
            </div>
            <button type="submit" class=BUTTON>{tr(Msg::ReportShow)}</button>
        </form>
        {own.into_iter().map(|u| view! { <OwnScore u scored/> }).collect_view()}
        <section class=CARD aria-labelledby="ranking-heading">
            <h2 id="ranking-heading" class="mb-2 text-xl font-bold">{tr(Msg::Ranking)}" "{v.day.clone()}</h2>
            {if v.rules.is_empty() {
                view! { <p>{tr(Msg::NoRules)}</p> }.into_any()
            } else {
                view! {
                    <div class="overflow-x-auto" tabindex="0" role="region" aria-labelledby="ranking-heading">
                        <table class="w-full text-left" data-testid="ranking">
                            {head(&[(Msg::RankCol, ""), (Msg::UnitCol, ""), (Msg::ScoreCol, "text-right"), (Msg::MissingCol, "text-right")])}
                            <tbody>
                                {ranking.into_iter().filter(|u| u.score.is_some()).map(|u| {
                                    let missing: u32 = u.results.iter().map(RuleResult::missing).sum();
                                    view! {
                                        <tr class="border-t border-gray-200" data-unit=u.unit_name.clone()>
                                            <td class="px-2 py-1" data-testid="rank">{u.rank.map(|r| r.to_string()).unwrap_or_default()}</td>
                                            <th scope="row" class="px-2 py-1 font-normal">{u.unit_name.clone()}</th>
                                            <td class="px-2 py-1 text-right font-bold" data-testid="score">{u.score.map(tenths).unwrap_or_default()}</td>
                                            <td class="px-2 py-1 text-right">{missing}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </section>
        <section class=CARD aria-labelledby="rules-heading">
            <h2 id="rules-heading" class="mb-2 text-xl font-bold">{tr(Msg::RulesTitle)}</h2>
            <div class="overflow-x-auto" tabindex="0" role="region" aria-labelledby="rules-heading">
                <table class="w-full text-left" data-testid="rules">
                    <thead class="bg-gray-100"><tr>
                        <th scope="col" class="px-2 py-1">{tr(Msg::ColumnCol)}</th>
                        <th scope="col" class="px-2 py-1">{tr(Msg::UnitKindCol)}</th>
                        <th scope="col" class="px-2 py-1">{tr(Msg::PeriodCol)}</th>
                        <th scope="col" class="px-2 py-1 text-right">{tr(Msg::MinimumCol)}</th>
                        <th scope="col" class="px-2 py-1 text-right">{tr(Msg::WeightCol)}</th>
                        {can_edit.then(|| view! { <th scope="col" class="px-2 py-1">{tr(Msg::Actions)}</th> })}
                    </tr></thead>
                    <tbody>
                        {rules.into_iter().map(|r| {
                            let label = format!("{} · {}", r.topic.msg().text(l), kind_msg(r.kind).text(l));
                            view! {
                                <tr class="border-t border-gray-200">
                                    <td class="px-2 py-1">{r.topic.msg().text(l)}</td>
                                    <td class="px-2 py-1">{kind_msg(r.kind).text(l)}</td>
                                    <td class="px-2 py-1">{r.period.msg().text(l)}</td>
                                    <td class="px-2 py-1 text-right">{r.minimum}</td>
                                    <td class="px-2 py-1 text-right">{r.weight}</td>
                                    {can_edit.then(|| view! {
                                        <td class="px-2 py-1">
                                            <ActionForm action=remove>
                                                <input type="hidden" name="topic" value=r.topic.as_str()/>
                                                <input type="hidden" name="kind" value=r.kind.as_str()/>
                                                <button type="submit" class=SMALL_BUTTON>{tr(Msg::Remove)}<span class="sr-only">" "{label}</span></button>
                                            </ActionForm>
                                        </td>
                                    })}
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
        {can_edit.then(|| view! { <RuleForm set/> <ColumnForm column columns/> })}
    }
}

/// The viewer's unit: its score and rank, and per column what is published, missing and by when.
#[component]
fn OwnScore(u: UnitScore, scored: usize) -> impl IntoView {
    let l = use_prefs().get_untracked().locale;
    let headline = match (u.score, u.rank) {
        (Some(s), Some(r)) => Msg::OwnScoreLine.text(l).replace("{score}", &tenths(s)).replace("{rank}", &r.to_string()).replace("{of}", &scored.to_string()),
        _ => Msg::UnitNotScored.text(l).to_owned(),
    };
    let id = format!("own-{}", u.unit_id);
    let labelled_by = id.clone();
    view! {
        <section class=CARD aria-labelledby=labelled_by data-testid="own-score">
            <h2 id=id class="mb-1 text-xl font-bold">{u.unit_name.clone()}</h2>
            <p class="mb-2 text-lg font-bold" data-testid="own-headline">{headline}</p>
            <ul class="space-y-1">
                {u.results.into_iter().map(|r| {
                    let status = if r.missing() == 0 {
                        Msg::RuleMet.text(l).to_owned()
                    } else {
                        Msg::RuleMissing.text(l).replace("{n}", &r.missing().to_string()).replace("{until}", &r.until)
                    };
                    let class = if r.missing() == 0 { "font-medium text-green-800" } else { "font-medium text-red-800" };
                    view! {
                        <li data-topic=r.topic.as_str()>
                            {r.topic.msg().text(l)}"（"{r.from.clone()}" – "{r.until.clone()}"）："
                            <span data-testid="published-of">{r.published}" / "{r.minimum}</span>" "
                            <span class=class>{status}</span>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

fn options<T: Copy>(all: &[T], code: impl Fn(T) -> &'static str, msg: impl Fn(T) -> Msg, l: Locale) -> Vec<(String, String)> {
    all.iter().map(|x| (code(*x).to_owned(), msg(*x).text(l).to_owned())).collect()
}

#[component]
fn RuleForm(set: ServerAction<SetFrequencyRule>) -> impl IntoView {
    let l = use_prefs().get_untracked().locale;
    let error = move || set.value().get().and_then(|r| r.err());
    let field_error = move |f: &'static str| Signal::derive(move || error().and_then(|e| e.for_field(f)));
    let saved = move || matches!(set.value().get(), Some(Ok(())));
    let topics = options(Topic::ALL, Topic::as_str, Topic::msg, l);
    let kinds = options(&UnitKind::ALL, UnitKind::as_str, kind_msg, l);
    let periods = options(Period::ALL, Period::as_str, Period::msg, l);
    view! {
        <section class=CARD aria-labelledby="rule-form-heading">
            <h2 id="rule-form-heading" class="mb-1 text-xl font-bold">{tr(Msg::SetRule)}</h2>
            <p class="mb-3 text-sm text-gray-700">{tr(Msg::SetRuleHint)}</p>
            <ActionForm action=set attr:class="grid gap-3 sm:grid-cols-2" attr:novalidate="true" attr:data-testid="rule-form">
                <div class="sm:col-span-2"><FormAlert msg=Signal::derive(move || error().and_then(|e| e.form_level()))/></div>
                <SelectField name="topic" label=Msg::ColumnCol required=true options=topics placeholder=Msg::ChooseOne value="" error=field_error("topic")/>
                <SelectField name="kind" label=Msg::UnitKindCol required=true options=kinds placeholder=Msg::ChooseOne value="" error=field_error("kind")/>
                <SelectField name="period" label=Msg::PeriodCol required=true options=periods value="month" error=field_error("period")/>
                <TextField name="minimum" label=Msg::MinimumCol kind="number" required=true error=field_error("minimum")/>
                <TextField name="weight" label=Msg::WeightCol kind="number" required=true error=field_error("weight")/>
                <div class="flex items-center gap-3 sm:col-span-2">
                    <button type="submit" class=BUTTON disabled=move || set.pending().get()>{tr(Msg::Save)}</button>
                    <p role="status" class="font-medium text-green-800">{move || saved().then(|| Msg::Saved.text(l))}</p>
                </div>
            </ActionForm>
        </section>
    }
}

#[component]
fn ColumnForm(column: ServerAction<SetColumnClass>, columns: Vec<(Topic, ColumnClass)>) -> impl IntoView {
    let l = use_prefs().get_untracked().locale;
    let news: Vec<&str> = columns.iter().filter(|c| c.1 == ColumnClass::News).map(|c| c.0.msg().text(l)).collect();
    let news = if news.is_empty() { "—".to_owned() } else { news.join("、") };
    let topics = options(Topic::ALL, Topic::as_str, Topic::msg, l);
    let classes = options(ColumnClass::ALL, ColumnClass::as_str, ColumnClass::msg, l);
    view! {
        <section class=CARD aria-labelledby="column-form-heading">
            <h2 id="column-form-heading" class="mb-1 text-xl font-bold">{tr(Msg::ColumnClassTitle)}</h2>
            <p class="mb-3 text-sm text-gray-700">{tr(Msg::ColumnClassHint)}</p>
            <p class="mb-3">{tr(Msg::NewsColumns)}": "<span data-testid="news-columns">{news}</span></p>
            <ActionForm action=column attr:class="grid gap-3 sm:grid-cols-2" attr:data-testid="column-form">
                <div>
                    <label for="col-topic" class="block font-medium">{tr(Msg::ColumnCol)}</label>
                    <select id="col-topic" name="topic" class=INPUT>
                        {topics.into_iter().map(|(v, t)| view! { <option value=v>{t}</option> }).collect_view()}
                    </select>
                </div>
                <div>
                    <label for="col-class" class="block font-medium">{tr(Msg::ColumnClassCol)}</label>
                    <select id="col-class" name="class" class=INPUT>
                        {classes.into_iter().map(|(v, t)| view! { <option value=v>{t}</option> }).collect_view()}
                    </select>
                </div>
                <div class="sm:col-span-2"><button type="submit" class=BUTTON>{tr(Msg::Save)}</button></div>
            </ActionForm>
        </section>
    }
}

/// `/admin/reports`: the parts of a yearly report its reporting body writes.
#[component]
pub fn ReportsAdminPage() -> impl IntoView {
    let query = use_query_map();
    let save = ServerAction::<SaveReportTexts>::new();
    let data = Resource::new(
        move || (query.read().get("year").and_then(|y| y.parse::<i32>().ok()), query.read().get("unit").unwrap_or_default(), save.version().get()),
        |(year, unit, _)| get_report_edit(year, unit),
    );
    view! {
        <Title text=title_text(Msg::ReportsAdmin)/>
        <PageHeading title=Msg::ReportsAdmin lead=Msg::ReportsAdminLead/>
        {loaded(data, move |r: ReportEdit| view! { <ReportEditor r save/> })}
    }
}

#[component]
fn ReportEditor(r: ReportEdit, save: ServerAction<SaveReportTexts>) -> impl IntoView {
    let l = use_prefs().get_untracked().locale;
    let error = move || save.value().get().and_then(|r| r.err());
    let field_error = move |f: String| move || error().and_then(|e| e.for_field(&f)).map(|m| m.text(l));
    let saved = move || matches!(save.value().get(), Some(Ok(())));
    let public = if r.unit == 0 { format!("/catalog/reports/{}", r.year) } else { format!("/catalog/reports/{}?unit={}", r.year, r.unit) };
    let who = if r.unit == 0 { Msg::ReportWholeCounty.text(l).to_owned() } else { r.unit_name.clone() };
    let texts = r.texts.clone();
    let textarea = move |name: &'static str, label: &'static str, value: String| {
        let id = format!("f-{name}");
        let err = format!("f-{name}-error");
        view! {
            <div class="space-y-1">
                <label for=id.clone() class="block font-medium">{label}</label>
                <textarea id=id name=name rows="6" maxlength="10000" aria-describedby=err.clone() class=INPUT>{value}</textarea>
                <p id=err class="min-h-[1.25rem] text-sm font-medium text-red-800" aria-live="polite">{field_error(name.to_owned())}</p>
            </div>
        }
    };
    view! {
        <form method="get" action="/admin/reports" class="mb-4 flex flex-wrap items-end gap-3">
            <div>
                <label for="report-year" class="block font-medium">{tr(Msg::ReportYear)}</label>
                <input id="report-year" name="year" type="number" min="2008" value=r.year.to_string() class=INPUT/>
            </div>
            <div>
                <label for="report-unit" class="block font-medium">{tr(Msg::ReportUnit)}</label>
                <select id="report-unit" name="unit" class=INPUT>
                    {r.county.then(|| view! { <option value="" selected=r.unit == 0>{tr(Msg::ReportWholeCounty)}</option> })}
                    {r.choices.iter().map(|u| view! { <option value=u.id.to_string() selected=r.unit == u.id>{u.name.clone()}</option> }).collect_view()}
                </select>
            </div>
            <button type="submit" class=BUTTON>{tr(Msg::ReportShow)}</button>
        </form>
        <p class="mb-4"><a href=public class="font-medium text-red-900 underline">{tr(Msg::ViewPublishedReport)}" · "{who}" "{r.year}</a></p>
        <ActionForm action=save attr:class="space-y-4" attr:novalidate="true" attr:data-testid="report-form">
            <input type="hidden" name="year" value=r.year.to_string()/>
            <input type="hidden" name="unit" value=r.unit.to_string()/>
            <FormAlert msg=Signal::derive(move || error().and_then(|e| e.form_level()))/>
            {textarea("overview", "一、总体情况", texts.overview.clone())}
            <fieldset class="rounded border border-gray-300 p-3">
                <legend class="px-1 font-medium">"四、政府信息公开行政复议、行政诉讼情况"</legend>
                {REVIEW_GROUPS.iter().enumerate().map(|(g, group)| view! {
                    <fieldset class="mb-2">
                        <legend class="text-sm font-medium">{*group}</legend>
                        <div class="grid grid-cols-2 gap-2 sm:grid-cols-4">
                            {REVIEW_OUTCOMES.iter().enumerate().map(|(o, outcome)| {
                                let i = g * 4 + o;
                                let name = format!("r{i}");
                                let id = format!("f-r{i}");
                                let err = format!("f-r{i}-error");
                                let value = texts.review.get(i).copied().unwrap_or(0).to_string();
                                view! {
                                    <div>
                                        <label for=id.clone() class="block text-sm">{*outcome}</label>
                                        <input id=id name=name type="number" min="0" value=value aria-describedby=err.clone() class=INPUT/>
                                        <p id=err class="text-sm font-medium text-red-800" aria-live="polite">{field_error(format!("r{i}"))}</p>
                                    </div>
                                }
                            }).collect_view()}
                        </div>
                    </fieldset>
                }).collect_view()}
            </fieldset>
            {textarea("problems", "五、存在的主要问题及改进情况", texts.problems.clone())}
            {textarea("other", "六、其他需要报告的事项", texts.other.clone())}
            <div class="flex items-center gap-3">
                <button type="submit" class=BUTTON disabled=move || save.pending().get()>{tr(Msg::Save)}</button>
                <p role="status" class="font-medium text-green-800">{move || saved().then(|| Msg::Saved.text(l))}</p>
            </div>
        </ActionForm>
    }
}
