//! Rating pages: the form on the lookup page, the public `/ratings` figures and the staff page.

use super::api::{AppealRating, DecideAppeal, RateCase, RerateCase, RespondRating, get_ratings, get_rating_form, get_staff_ratings};
use super::{CaseRating, RatingsPage, RectState, StaffRatingRow, StaffRatings};
use crate::apply::pages::loaded;
use crate::domain::rating::{Aspect, Ranked, RatingInput, RatingLevel, percent};
use crate::i18n::Msg;
use crate::ui::chart::{Bar, BarChart};
use crate::ui::form::{Field, FormAlert, RadioField};
use crate::ui::layout::PageHeading;
use crate::ui::{tr, use_prefs};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

pub(crate) const CARD: &str = "mb-5 rounded-lg border border-gray-300 bg-white p-4";
pub(crate) const BUTTON: &str = "tap rounded bg-red-800 px-5 py-3 font-bold text-white hover:bg-red-900 disabled:opacity-60";
pub(crate) const SMALL_BUTTON: &str = "tap rounded bg-red-800 px-4 py-2 font-bold text-white hover:bg-red-900 disabled:opacity-60";

fn levels() -> Vec<(&'static str, Msg)> {
    RatingLevel::ALL.iter().map(|l| (l.as_str(), l.msg())).collect()
}

/// The rating part of the lookup page: the form once the case is finished, the rating given,
/// the unit's rectification and the second rating.
#[component]
pub fn RatingSection(rating: Option<CaseRating>, closed: bool, t: String, c: String) -> impl IntoView {
    match rating {
        None if closed => view! { <RateForm t c/> }.into_any(),
        None => ().into_any(),
        Some(r) => view! { <GivenRating r t c/> }.into_any(),
    }
}

#[component]
fn RateForm(t: String, c: String) -> impl IntoView {
    let action = ServerAction::<RateCase>::new();
    let query = use_query_map();
    let draft_token = query.read_untracked().get("draft");
    let form = Resource::new(move || draft_token.clone(), get_rating_form);
    view! {
        <Suspense fallback=|| ()>
            {crate::ui::suspend(move || {
                let (t, c) = (t.clone(), c.clone());
                async move {
                let (token, values, errors) = form.await.unwrap_or_default();
                let stored = StoredValue::new(errors);
                let err = move |f: &'static str| Signal::derive(move || match action.value().get() {
                    Some(Err(e)) => e.for_field(f),
                    Some(Ok(_)) => None,
                    None => stored.with_value(|d| d.iter().find(|e| e.0 == f).map(|e| e.1)),
                });
                let done = move || matches!(action.value().get(), Some(Ok(())));
                let alert = Signal::derive(move || match action.value().get() {
                    Some(Err(e)) => e.form_level(),
                    _ => None,
                });
                view! {
                    <section aria-labelledby="rate-heading" class="mb-5 rounded-lg border-2 border-red-800 bg-white p-4" data-testid="rate-form">
                        <h2 id="rate-heading" class="mb-2 text-lg font-bold">{tr(Msg::RateHeading)}</h2>
                        <Show when=done fallback=move || {
                            let values = values.clone();
                            let (t, c, token) = (t.clone(), c.clone(), token.clone());
                            view! {
                                <p class="mb-3">{tr(Msg::RateLead)}</p>
                                <ActionForm action attr:class="space-y-3" attr:novalidate="true">
                                    <input type="hidden" name="t" value=t/>
                                    <input type="hidden" name="c" value=c/>
                                    <input type="hidden" name="token" value=token/>
                                    <FormAlert msg=alert/>
                                    <RatingFields values=values.clone() err=Callback::new(err)/>
                                    <button type="submit" class=BUTTON disabled=move || action.pending().get() data-testid="submit-rating">{tr(Msg::SubmitRating)}</button>
                                </ActionForm>
                            }
                        }>
                            <p role="status" class="font-medium text-green-800" data-testid="rating-saved">{tr(Msg::RatingSaved)}</p>
                        </Show>
                    </section>
                }
            }})}
        </Suspense>
    }
}

/// The five levels, the four optional sub-scores and the comment: the same on the lookup page
/// and on a service window's rating page.
#[component]
pub fn RatingFields(values: RatingInput, err: Callback<&'static str, Signal<Option<Msg>>>) -> impl IntoView {
    let score = move |aspect: Aspect, value: String| {
        let name = aspect.as_str();
        let id = format!("f-{name}");
        view! {
            <div class="flex flex-wrap items-center gap-2">
                <label for=id.clone() class="w-40 font-medium">{tr(aspect.msg())}</label>
                <select id=id name=name class="tap rounded border border-gray-500 bg-white px-3 py-2"
                    aria-describedby=format!("f-{name}-error")>
                    <option value="">{tr(Msg::NotScored)}</option>
                    {(1..=5).rev().map(|n| view! { <option value=n.to_string() selected=value == n.to_string()>{n}</option> }).collect_view()}
                </select>
                <span id=format!("f-{name}-error") class="text-sm font-medium text-red-800">
                    {move || err.run(name).get().map(|m| tr(m))}
                </span>
            </div>
        }
    };
    view! {
        <RadioField name="level" label=Msg::RatingLevelLabel options=levels() value=values.level.clone() error=err.run("level")/>
        <fieldset class="space-y-2">
            <legend class="font-medium">{tr(Msg::SubScores)}</legend>
            {score(Aspect::Efficiency, values.efficiency.clone())}
            {score(Aspect::Attitude, values.attitude.clone())}
            {score(Aspect::Guide, values.guide.clone())}
            {score(Aspect::Convenience, values.convenience.clone())}
        </fieldset>
        <Field name="comment" label=Msg::RatingComment hint=Msg::RatingCommentHint multiline=true maxlength=500
            value=values.comment.clone() error=err.run("comment")/>
    }
}

#[component]
fn GivenRating(r: CaseRating, t: String, c: String) -> impl IntoView {
    let rerate = ServerAction::<RerateCase>::new();
    let rect = r.rectification.clone();
    let can_rerate = rect.as_ref().is_some_and(|x| x.state == RectState::Answered);
    let err = Signal::derive(move || match rerate.value().get() {
        Some(Err(e)) => e.for_field("second_level"),
        _ => None,
    });
    let rerated = move || matches!(rerate.value().get(), Some(Ok(())));
    view! {
        <section aria-labelledby="rating-heading" class=CARD data-testid="given-rating">
            <h2 id="rating-heading" class="mb-2 text-lg font-bold">{tr(Msg::YourRating)}</h2>
            <p>{tr(r.level.msg())}" · "{r.rated_on.clone()}</p>
            {(!r.comment.is_empty()).then(|| view! { <p class="whitespace-pre-wrap break-words text-gray-800">{r.comment.clone()}</p> })}
            {rect.map(|x| view! {
                <div class="mt-3 rounded border border-amber-700 bg-amber-50 p-3" data-testid="rectification">
                    <p class="font-medium">{tr(Msg::Rectification)}" · "{tr(x.state.msg())}" · "{tr(Msg::RectDueOn)}" "{x.due_on.clone()}</p>
                    {(x.state != RectState::Open).then(|| view! {
                        <dl class="mt-2 space-y-1">
                            <dt class="font-medium">{tr(Msg::RectExplanation)}</dt><dd class="whitespace-pre-wrap break-words">{x.explanation.clone()}</dd>
                            <dt class="font-medium">{tr(Msg::RectRemedy)}</dt><dd class="whitespace-pre-wrap break-words">{x.remedy.clone()}</dd>
                        </dl>
                    })}
                    {x.second_level.map(|l| view! { <p class="mt-2">{tr(Msg::SecondRating)}": "{tr(l.msg())}</p> })}
                </div>
            })}
            {can_rerate.then(|| view! {
                <Show when=rerated fallback=move || {
                    let (t, c) = (t.clone(), c.clone());
                    view! {
                        <ActionForm action=rerate attr:class="mt-3 space-y-3" attr:novalidate="true">
                            <input type="hidden" name="t" value=t/>
                            <input type="hidden" name="c" value=c/>
                            <RadioField name="second_level" label=Msg::SecondRating options=levels() value="" error=err/>
                            <button type="submit" class=BUTTON disabled=move || rerate.pending().get() data-testid="submit-rerating">{tr(Msg::SubmitRating)}</button>
                        </ActionForm>
                    }
                }>
                    <p role="status" class="mt-3 font-medium text-green-800">{tr(Msg::RatingSaved)}</p>
                </Show>
            })}
        </section>
    }
}

/// `/ratings`: 好评率, counts per level and the rankings, for a period chosen in a GET form.
#[component]
pub fn RatingsPublicPage() -> impl IntoView {
    let query = use_query_map();
    let data = Resource::new(
        move || (query.read().get("from").unwrap_or_default(), query.read().get("to").unwrap_or_default()),
        |(from, to)| get_ratings(from, to),
    );
    view! {
        <Title text=crate::ui::title_text(Msg::RatingsTitle)/>
        <div class="mx-auto max-w-5xl px-4 py-6">
            <PageHeading title=Msg::RatingsTitle lead=Msg::RatingsLead/>
            <p class="-mt-4 mb-4 text-gray-700">{tr(Msg::RatingChannels)}</p>
            {loaded(data, |page| view! { <RatingsFigures page/> })}
        </div>
    }
}

#[component]
fn RatingsFigures(page: RatingsPage) -> impl IntoView {
    let prefs = use_prefs();
    let err = |f: &str| page.errors.iter().find(|e| e.0 == f).map(|e| e.1);
    let (from_err, to_err) = (err("from"), err("to"));
    let counts = page.counts;
    let level_bars = move || {
        let l = prefs.get().locale;
        RatingLevel::ALL.iter().map(|lv| Bar { label: lv.msg().text(l).to_owned(), value: counts.0[lv.index()], text: counts.0[lv.index()].to_string() }).collect::<Vec<_>>()
    };
    let unit_bars: Vec<Bar> = page.units.iter().take(10).map(|r| Bar { label: r.name.clone(), value: r.good_rate.unwrap_or(0), text: percent(r.good_rate) }).collect();
    let input = "tap block rounded border border-gray-500 bg-white px-3 py-2";
    view! {
        <form method="get" action="/ratings" class="mb-5 flex flex-wrap items-end gap-3" data-testid="ratings-period">
            <div>
                <label for="r-from" class="block font-medium">{tr(Msg::PeriodFrom)}</label>
                <input id="r-from" name="from" type="date" value=page.from.clone() class=input aria-describedby="r-from-error"/>
                <p id="r-from-error" class="text-sm font-medium text-red-800">{move || from_err.map(|m| m.text(prefs.get().locale))}</p>
            </div>
            <div>
                <label for="r-to" class="block font-medium">{tr(Msg::PeriodTo)}</label>
                <input id="r-to" name="to" type="date" value=page.to.clone() class=input aria-describedby="r-to-error"/>
                <p id="r-to-error" class="text-sm font-medium text-red-800">{move || to_err.map(|m| m.text(prefs.get().locale))}</p>
            </div>
            <button type="submit" class=SMALL_BUTTON>{tr(Msg::Show)}</button>
        </form>
        <section class=CARD aria-labelledby="good-rate-heading">
            <h2 id="good-rate-heading" class="text-lg font-bold">{tr(Msg::GoodRate)}</h2>
            <p class="text-4xl font-bold text-red-900" data-testid="good-rate">{percent(counts.good_rate_permille())}</p>
            <p class="text-gray-700">{tr(Msg::RatingsTotal)}" "<span data-testid="ratings-total">{counts.total()}</span></p>
            {move || view! { <BarChart title=tr(Msg::RatingsPerLevel).to_owned() bars=level_bars()/> }}
            <table class="mt-3 w-full max-w-xl text-left" data-testid="level-table">
                <caption class="sr-only">{tr(Msg::RatingsPerLevel)}</caption>
                <thead><tr><th scope="col" class="p-1">{tr(Msg::RatingLevelLabel)}</th><th scope="col" class="p-1 text-right">{tr(Msg::Count)}</th></tr></thead>
                <tbody>
                    {RatingLevel::ALL.iter().map(|lv| view! {
                        <tr class="border-t border-gray-200"><th scope="row" class="p-1 font-normal">{tr(lv.msg())}</th><td class="p-1 text-right">{counts.0[lv.index()]}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        </section>
        <section class=CARD aria-labelledby="unit-rank-heading">
            <h2 id="unit-rank-heading" class="mb-2 text-lg font-bold">{tr(Msg::UnitRanking)}</h2>
            {(!unit_bars.is_empty()).then(|| view! { <BarChart title=tr(Msg::UnitRanking).to_owned() bars=unit_bars/> })}
            <RankTable rows=page.units.clone() testid="unit-ranking"/>
        </section>
        <section class=CARD aria-labelledby="matter-rank-heading">
            <h2 id="matter-rank-heading" class="mb-2 text-lg font-bold">{tr(Msg::MatterRanking)}</h2>
            <RankTable rows=page.matters.clone() testid="matter-ranking"/>
        </section>
        <section class=CARD aria-labelledby="comments-heading">
            <h2 id="comments-heading" class="mb-2 text-lg font-bold">{tr(Msg::PublicComments)}</h2>
            {page.comments.is_empty().then(|| view! { <p>{tr(Msg::NoRatingsYet)}</p> })}
            <ul class="space-y-3" data-testid="public-comments">
                {page.comments.iter().map(|c| view! {
                    <li class="border-t border-gray-200 pt-2">
                        <p class="text-sm text-gray-700">{c.unit_name.clone()}" · "{tr(c.level.msg())}" · "{c.rated_on.clone()}</p>
                        <p class="whitespace-pre-wrap break-words">{c.comment.clone()}</p>
                        {(!c.reply.is_empty()).then(|| view! { <p class="mt-1 whitespace-pre-wrap break-words rounded bg-gray-50 p-2">{tr(Msg::UnitReply)}": "{c.reply.clone()}</p> })}
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
pub(crate) fn RankTable(rows: Vec<Ranked>, testid: &'static str) -> impl IntoView {
    if rows.is_empty() {
        return view! { <p>{tr(Msg::NoRatingsYet)}</p> }.into_any();
    }
    view! {
        <div class="overflow-x-auto">
            <table class="w-full text-left" data-testid=testid>
                <thead><tr>
                    <th scope="col" class="p-1">{tr(Msg::Rank)}</th>
                    <th scope="col" class="p-1">{tr(Msg::Name)}</th>
                    <th scope="col" class="p-1 text-right">{tr(Msg::RatingsTotal)}</th>
                    <th scope="col" class="p-1 text-right">{tr(Msg::GoodRate)}</th>
                    <th scope="col" class="p-1 text-right">{tr(Msg::BadRatings)}</th>
                </tr></thead>
                <tbody>
                    {rows.into_iter().map(|r| view! {
                        <tr class="border-t border-gray-200">
                            <td class="p-1">{r.rank}</td>
                            <th scope="row" class="p-1 font-normal">{r.name.clone()}</th>
                            <td class="p-1 text-right">{r.counts.total()}</td>
                            <td class="p-1 text-right">{percent(r.good_rate)}</td>
                            <td class="p-1 text-right">{r.counts.bad()}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

/// `/admin/ratings`: the unit's ratings with their rectifications (overdue in red), answers
/// and appeals; evaluators decide appeals.
#[component]
pub fn StaffRatingsPage() -> impl IntoView {
    let query = use_query_map();
    let respond = ServerAction::<RespondRating>::new();
    let appeal = ServerAction::<AppealRating>::new();
    let decide = ServerAction::<DecideAppeal>::new();
    let appeals_only = move || query.read().get("appeals").is_some();
    let data = Resource::new(
        move || (appeals_only(), respond.version().get(), appeal.version().get(), decide.version().get()),
        |(a, _, _, _)| get_staff_ratings(a),
    );
    let alert = Signal::derive(move || {
        [respond.value().get(), appeal.value().get(), decide.value().get()].into_iter().flatten().find_map(|r| r.err()).map(|e| e.message())
    });
    view! {
        <Title text=crate::ui::title_text(Msg::StaffRatingsTitle)/>
        <PageHeading title=Msg::StaffRatingsTitle/>
        <p class="mb-3 flex flex-wrap gap-4">
            <a href="/admin/ratings" class="text-red-900 underline">{tr(Msg::AllRatings)}</a>
            <a href="/admin/ratings?appeals=1" class="text-red-900 underline">{tr(Msg::PendingAppeals)}</a>
            <a href="/ratings" class="text-red-900 underline">{tr(Msg::RatingsTitle)}</a>
            <a href="/admin/ratings/dashboard" class="text-red-900 underline">{tr(Msg::RatingDashboard)}</a>
        </p>
        <p role="alert" class="mb-3 font-medium text-red-800">{move || alert.get().map(|m| tr(m))}</p>
        {loaded(data, move |s: StaffRatings| view! { <StaffRatingList s respond appeal decide/> })}
    }
}

#[component]
fn StaffRatingList(
    s: StaffRatings,
    respond: ServerAction<RespondRating>,
    appeal: ServerAction<AppealRating>,
    decide: ServerAction<DecideAppeal>,
) -> impl IntoView {
    let can_decide = s.can_decide;
    let overdue_class = if s.overdue_rectifications > 0 { "font-bold text-red-800" } else { "" };
    view! {
        <p class="mb-4" data-testid="rect-counts">
            {tr(Msg::OpenRectifications)}" "<strong>{s.open_rectifications}</strong>" · "
            <span class=overdue_class>
                {tr(Msg::OverdueRectifications)}" "{s.overdue_rectifications}
            </span>
        </p>
        {s.rows.is_empty().then(|| view! { <p>{tr(Msg::NoRatingsYet)}</p> })}
        <ul class="space-y-4" data-testid="staff-ratings">
            {s.rows.into_iter().map(|r| view! { <StaffRatingItem r can_decide respond appeal decide/> }).collect_view()}
        </ul>
    }
}

#[component]
fn StaffRatingItem(
    r: StaffRatingRow,
    can_decide: bool,
    respond: ServerAction<RespondRating>,
    appeal: ServerAction<AppealRating>,
    decide: ServerAction<DecideAppeal>,
) -> impl IntoView {
    let id = r.id;
    let overdue = r.rectification.as_ref().is_some_and(|x| x.overdue);
    let border = if overdue { "rounded-lg border-2 border-red-700 bg-red-50 p-4" } else { "rounded-lg border border-gray-300 bg-white p-4" };
    let open = r.rectification.as_ref().is_some_and(|x| x.state == RectState::Open);
    let pending_appeal = r.appeal.as_ref().is_some_and(|a| a.0 == "pending");
    let textarea = "tap block w-full rounded border border-gray-500 bg-white px-3 py-2";
    let area = move |name: &'static str, label: Msg| {
        let fid = format!("r{id}-{name}");
        view! {
            <label for=fid.clone() class="block font-medium">{tr(label)}" *"</label>
            <textarea id=fid name=name rows="2" maxlength="1000" required class=textarea></textarea>
        }
    };
    view! {
        <li class=border data-testid="staff-rating" data-overdue=overdue.to_string()>
            <p class="font-medium">
                <span class="font-mono">{r.tracking.clone()}</span>" · "{r.unit_name.clone()}" · "{tr(r.level.msg())}
                {(r.final_level != r.level).then(|| view! { " → "{tr(r.final_level.msg())} })}
                " · "{r.rated_on.clone()}
                {r.removed.then(|| view! { " · "<span class="font-bold">{tr(Msg::RatingRemoved)}</span> })}
            </p>
            <p class="text-gray-800">{r.subject.clone()}</p>
            {(!r.comment.is_empty()).then(|| view! { <p class="whitespace-pre-wrap break-words">"“"{r.comment.clone()}"”"</p> })}
            {r.rectification.clone().map(|x| view! {
                <p class=if x.overdue { "mt-2 font-bold text-red-800" } else { "mt-2" }>
                    {tr(Msg::Rectification)}" · "{tr(x.state.msg())}" · "{tr(Msg::RectDueOn)}" "{x.due_on.clone()}
                    {x.overdue.then(|| view! { " · "{tr(Msg::Overdue)} })}
                </p>
                {(x.state != RectState::Open).then(|| view! {
                    <p class="whitespace-pre-wrap break-words text-sm">{x.explanation.clone()}" "{x.remedy.clone()}" "{x.callback.clone()}</p>
                })}
            })}
            {r.appeal.clone().map(|(state, reason, note)| view! {
                <p class="mt-2 text-sm">{tr(Msg::Appeal)}" ("{state}"): "{reason}{(!note.is_empty()).then(|| format!(" — {note}"))}</p>
            })}
            {open.then(|| view! {
                <ActionForm action=respond attr:class="mt-3 space-y-2 rounded border border-gray-300 p-3" attr:data-action="respond">
                    <input type="hidden" name="id" value=id.to_string()/>
                    {area("explanation", Msg::RectExplanation)}
                    {area("remedy", Msg::RectRemedy)}
                    {area("callback", Msg::RectCallback)}
                    <button type="submit" class=SMALL_BUTTON disabled=move || respond.pending().get()>{tr(Msg::SendRectification)}</button>
                </ActionForm>
            })}
            {(r.appeal.is_none() && !r.removed).then(|| view! {
                <details class="mt-3">
                    <summary class="tap cursor-pointer text-red-900 underline">{tr(Msg::AppealRating)}</summary>
                    <ActionForm action=appeal attr:class="mt-2 space-y-2" attr:data-action="appeal">
                        <input type="hidden" name="id" value=id.to_string()/>
                        {area("reason", Msg::AppealReason)}
                        <button type="submit" class=SMALL_BUTTON disabled=move || appeal.pending().get()>{tr(Msg::AppealRating)}</button>
                    </ActionForm>
                </details>
            })}
            {(can_decide && pending_appeal).then(|| {
                let appeal_id = r.appeal_id.unwrap_or(0);
                view! {
                    <ActionForm action=decide attr:class="mt-3 space-y-2 rounded border border-gray-300 p-3" attr:data-action="decide">
                        <input type="hidden" name="appeal" value=appeal_id.to_string()/>
                        <fieldset>
                            <legend class="font-medium">{tr(Msg::AppealDecision)}</legend>
                            <label class="tap mr-4 inline-flex items-center gap-2"><input type="radio" name="decision" value="uphold" class="h-5 w-5"/>{tr(Msg::AppealUphold)}</label>
                            <label class="tap inline-flex items-center gap-2"><input type="radio" name="decision" value="dismiss" class="h-5 w-5"/>{tr(Msg::AppealDismiss)}</label>
                        </fieldset>
                        {area("note", Msg::DecisionNote)}
                        <button type="submit" class=SMALL_BUTTON disabled=move || decide.pending().get()>{tr(Msg::Decide)}</button>
                    </ActionForm>
                }
            })}
        </li>
    }
}

/// `/admin/ratings/dashboard`: 好评率 by month, the units with the most 差评 and overdue
/// rectifications, and the export.
#[component]
pub fn RatingDashboardPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| super::api::get_rating_dashboard());
    view! {
        <Title text=crate::ui::title_text(Msg::RatingDashboard)/>
        <PageHeading title=Msg::RatingDashboard/>
        <p class="mb-4 flex flex-wrap gap-4">
            <a href="/admin/ratings" class="text-red-900 underline">{tr(Msg::StaffRatingsTitle)}</a>
            <a href="/admin/ratings/campaigns" class="text-red-900 underline">{tr(Msg::CampaignsTitle)}</a>
            <a href="/admin/ratings/export.csv" rel="external" download class="text-red-900 underline" data-testid="ratings-export">{tr(Msg::ExportRatingsCsv)}</a>
            <a href="/admin/ratings/export.xlsx" rel="external" download class="text-red-900 underline" data-testid="ratings-export-xlsx">{tr(Msg::ExportXlsx)}</a>
        </p>
        {loaded(data, |d: super::RatingDashboard| view! { <Dashboard d/> })}
    }
}

#[component]
fn Dashboard(d: super::RatingDashboard) -> impl IntoView {
    let bars: Vec<Bar> = d
        .months
        .iter()
        .map(|(m, c)| Bar { label: m.clone(), value: c.good_rate_permille().unwrap_or(0), text: format!("{} ({})", percent(c.good_rate_permille()), c.total()) })
        .collect();
    view! {
        <section class=CARD aria-labelledby="trend-heading">
            <h2 id="trend-heading" class="mb-2 text-lg font-bold">{tr(Msg::MonthlyTrend)}</h2>
            <BarChart title=tr(Msg::MonthlyTrend).to_owned() bars/>
            <div class="overflow-x-auto">
                <table class="mt-3 w-full text-left" data-testid="monthly-table">
                    <thead><tr>
                        <th scope="col" class="p-1">{tr(Msg::Month)}</th>
                        <th scope="col" class="p-1 text-right">{tr(Msg::RatingsTotal)}</th>
                        <th scope="col" class="p-1 text-right">{tr(Msg::GoodRate)}</th>
                        <th scope="col" class="p-1 text-right">{tr(Msg::BadRatings)}</th>
                    </tr></thead>
                    <tbody>
                        {d.months.into_iter().map(|(m, c)| view! {
                            <tr class="border-t border-gray-200">
                                <th scope="row" class="p-1 font-normal font-mono">{m}</th>
                                <td class="p-1 text-right">{c.total()}</td>
                                <td class="p-1 text-right">{percent(c.good_rate_permille())}</td>
                                <td class="p-1 text-right">{c.bad()}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
        <section class=CARD aria-labelledby="officers-heading">
            <h2 id="officers-heading" class="mb-2 text-lg font-bold">{tr(Msg::OfficerRanking)}</h2>
            <RankTable rows=d.officers testid="officer-ranking"/>
        </section>
        <section class=CARD aria-labelledby="concerns-heading">
            <h2 id="concerns-heading" class="mb-2 text-lg font-bold">{tr(Msg::UnitsOfConcern)}</h2>
            {d.concerns.is_empty().then(|| view! { <p>{tr(Msg::NoRatingsYet)}</p> })}
            <table class="w-full text-left" data-testid="concerns">
                <thead><tr>
                    <th scope="col" class="p-1">{tr(Msg::Name)}</th>
                    <th scope="col" class="p-1 text-right">{tr(Msg::BadRatings)}</th>
                    <th scope="col" class="p-1 text-right">{tr(Msg::RatingsTotal)}</th>
                    <th scope="col" class="p-1 text-right">{tr(Msg::OverdueRectifications)}</th>
                </tr></thead>
                <tbody>
                    {d.concerns.into_iter().map(|u| {
                        let overdue_class = if u.overdue > 0 { "p-1 text-right font-bold text-red-800" } else { "p-1 text-right" };
                        view! {
                        <tr class="border-t border-gray-200">
                            <th scope="row" class="p-1 font-normal">{u.name}</th>
                            <td class="p-1 text-right">{u.bad}</td>
                            <td class="p-1 text-right">{u.total}</td>
                            <td class=overdue_class>{u.overdue}</td>
                        </tr>
                    }}).collect_view()}
                </tbody>
            </table>
        </section>
    }
}
