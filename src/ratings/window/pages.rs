//! Counter-evaluation pages: the citizen's `/r/{slug}` and the evaluators' campaign pages.

use super::api::{CampaignAction, CreateCampaign, MakeVisits, RateWindow, get_campaign, get_campaigns, get_slips, get_window_form};
use super::{CampaignDetail, CampaignList, CampaignRow, SlipSheet, WindowForm};
use crate::apply::pages::loaded;
use crate::domain::rating::{percent, show_code};
use crate::i18n::Msg;
use crate::ratings::pages::{BUTTON, CARD, RatingFields, SMALL_BUTTON};
use crate::ui::form::{Field, FormAlert, SelectField};
use crate::ui::layout::PageHeading;
use crate::ui::tr;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

const LINK: &str = "font-medium text-red-900 underline";
const PLAIN_BUTTON: &str = "tap rounded border border-gray-500 bg-white px-3 py-2 font-medium hover:bg-gray-100 disabled:opacity-50";

fn param(name: &'static str) -> Memo<String> {
    let params = use_params_map();
    Memo::new(move |_| params.read().get(name).unwrap_or_default())
}

/// `/r/{slug}`: rate one visit to a service window. The slip's QR code fills in the visit code.
#[component]
pub fn WindowRatePage() -> impl IntoView {
    let slug = param("slug");
    let query = use_query_map();
    let action = ServerAction::<RateWindow>::new();
    let done = move || query.read().get("done").is_some() || matches!(action.value().get(), Some(Ok(())));
    let data = Resource::new(
        move || (slug.get(), query.read_untracked().get("v"), query.read_untracked().get("draft")),
        |(slug, v, draft)| get_window_form(slug, v, draft),
    );
    view! {
        <div class="mx-auto max-w-xl px-4 py-6">
            {loaded(data, move |f: WindowForm| {
                let stored = StoredValue::new(f.errors.clone());
                let err = move |field: &'static str| Signal::derive(move || match action.value().get() {
                    Some(Err(e)) => e.for_field(field),
                    Some(Ok(_)) => None,
                    None => stored.with_value(|d| d.iter().find(|e| e.0 == field).map(|e| e.1)),
                });
                let alert = Signal::derive(move || match action.value().get() {
                    Some(Err(e)) => e.form_level(),
                    _ => None,
                });
                let about = [f.unit_name.clone(), f.matter_name.clone(), f.place.clone()].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" · ");
                let open = f.open;
                let form = f.clone();
                view! {
                    <Title text=f.title.clone()/>
                    <h1 class="mb-1 text-2xl font-bold text-gray-900">{f.title.clone()}</h1>
                    <p class="mb-4 text-gray-700" data-testid="window-about">{about}</p>
                    <Show when=done fallback=move || {
                        let f = form.clone();
                        if !open {
                            return view! { <p role="status" class="font-medium" data-testid="campaign-closed">{tr(Msg::CampaignClosed)}</p> }.into_any();
                        }
                        view! {
                            <section class=CARD aria-labelledby="window-rate-heading" data-testid="window-rate-form">
                                <h2 id="window-rate-heading" class="mb-2 text-lg font-bold">{tr(Msg::RateVisitHeading)}</h2>
                                <p class="mb-3">{tr(Msg::RateVisitLead)}</p>
                                <ActionForm action attr:class="space-y-3" attr:novalidate="true">
                                    <input type="hidden" name="slug" value=f.slug.clone()/>
                                    <input type="hidden" name="token" value=f.token.clone()/>
                                    <FormAlert msg=alert/>
                                    <Field name="visit" label=Msg::VisitCodeLabel hint=Msg::VisitCodeHint required=true maxlength=20
                                        autocomplete="off" value=f.visit.clone() error=err("visit")/>
                                    <RatingFields values=f.values.clone() err=Callback::new(err)/>
                                    <button type="submit" class=BUTTON disabled=move || action.pending().get() data-testid="submit-window-rating">{tr(Msg::SubmitRating)}</button>
                                </ActionForm>
                            </section>
                        }.into_any()
                    }>
                        <p role="status" class="rounded border border-green-700 bg-green-50 p-4 font-medium text-green-900" data-testid="window-rating-saved">{tr(Msg::RatingSaved)}</p>
                    </Show>
                    <p class="mt-4"><a href="/ratings" class=LINK>{tr(Msg::RatingsTitle)}</a></p>
                }
            })}
        </div>
    }
}

fn campaign_cells(r: &CampaignRow) -> impl IntoView + use<> {
    let about = [r.unit_name.clone(), r.matter_name.clone(), r.place.clone()].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" · ");
    view! {
        <td class="px-3 py-2">{about}</td>
        <td class="px-3 py-2">{if r.open { tr(Msg::CampaignOpen) } else { tr(Msg::CampaignClosedShort) }}</td>
        <td class="px-3 py-2 text-right">{r.counts.total()}" / "{r.visits}</td>
        <td class="px-3 py-2 text-right">{percent(r.counts.good_rate_permille())}</td>
    }
}

/// `/admin/ratings/campaigns`: the campaigns and a form to open one.
#[component]
pub fn CampaignsPage() -> impl IntoView {
    let create = ServerAction::<CreateCampaign>::new();
    let query = use_query_map();
    let data = Resource::new(move || query.read_untracked().get("draft"), get_campaigns);
    view! {
        <Title text=crate::ui::title_text(Msg::CampaignsTitle)/>
        <PageHeading title=Msg::CampaignsTitle lead=Msg::CampaignsLead/>
        {loaded(data, move |l: CampaignList| {
            let stored = StoredValue::new(l.errors.clone());
            let err = move |f: &'static str| Signal::derive(move || match create.value().get() {
                Some(Err(e)) => e.for_field(f),
                Some(Ok(_)) => None,
                None => stored.with_value(|d| d.iter().find(|e| e.0 == f).map(|e| e.1)),
            });
            let alert = Signal::derive(move || match create.value().get() {
                Some(Err(e)) => e.form_level(),
                _ => None,
            });
            let units: Vec<(String, String)> = l.units.iter().map(|(id, n)| (id.to_string(), n.clone())).collect();
            let names = l.units.clone();
            let matters: Vec<(String, String)> = l
                .matters
                .iter()
                .map(|(id, unit, n)| (id.to_string(), format!("{}（{}）", n, names.iter().find(|u| u.0 == *unit).map(|u| u.1.as_str()).unwrap_or(""))))
                .collect();
            view! {
                <div class="mb-6 overflow-x-auto rounded border border-gray-300 bg-white" tabindex="0" role="region" aria-labelledby="campaigns-caption">
                    <table class="w-full text-left">
                        <caption id="campaigns-caption" class="sr-only">{tr(Msg::CampaignsTitle)}</caption>
                        <thead class="bg-gray-100"><tr>
                            <th scope="col" class="px-3 py-2">{tr(Msg::CampaignTitleLabel)}</th>
                            <th scope="col" class="px-3 py-2">{tr(Msg::CampaignWhere)}</th>
                            <th scope="col" class="px-3 py-2">{tr(Msg::StatusLabel)}</th>
                            <th scope="col" class="px-3 py-2 text-right">{tr(Msg::CampaignRatedOfVisits)}</th>
                            <th scope="col" class="px-3 py-2 text-right">{tr(Msg::GoodRate)}</th>
                        </tr></thead>
                        <tbody data-testid="campaign-list">
                            {l.rows.iter().map(|r| view! {
                                <tr class="border-t border-gray-200">
                                    <td class="px-3 py-2"><a href=format!("/admin/ratings/campaigns/{}", r.id) class=LINK>{r.title.clone()}</a></td>
                                    {campaign_cells(r)}
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                <section class=CARD aria-labelledby="new-campaign">
                    <h2 id="new-campaign" class="mb-3 text-lg font-bold">{tr(Msg::NewCampaign)}</h2>
                    <ActionForm action=create attr:class="space-y-3" attr:novalidate="true">
                        <input type="hidden" name="token" value=l.token.clone()/>
                        <FormAlert msg=alert/>
                        <Field name="title" label=Msg::CampaignTitleLabel required=true maxlength=100 value=l.values.title.clone() error=err("title")/>
                        <SelectField name="unit" label=Msg::CampaignUnit required=true options=units placeholder=Msg::ChooseOne value=l.values.unit.clone() error=err("unit")/>
                        <SelectField name="matter" label=Msg::CampaignMatter options=matters placeholder=Msg::CampaignAnyMatter value=l.values.matter.clone() error=err("matter")/>
                        <Field name="place" label=Msg::CampaignPlace hint=Msg::CampaignPlaceHint maxlength=50 value=l.values.place.clone() error=err("place")/>
                        <button type="submit" class=SMALL_BUTTON disabled=move || create.pending().get() data-testid="create-campaign">{tr(Msg::CreateCampaign)}</button>
                    </ActionForm>
                </section>
            }
        })}
    }
}

/// `/admin/ratings/campaigns/{id}`: the short link and its QR code for a poster, visit codes,
/// figures, and opening or closing the campaign.
#[component]
pub fn CampaignPage() -> impl IntoView {
    let id = param("id");
    let act = ServerAction::<CampaignAction>::new();
    let visits = ServerAction::<MakeVisits>::new();
    let data = Resource::new(
        move || (id.get(), act.version().get(), visits.version().get()),
        |(id, _, _)| get_campaign(id.parse().unwrap_or(0)),
    );
    let visits_err = Signal::derive(move || match visits.value().get() {
        Some(Err(e)) => e.for_field("count"),
        _ => None,
    });
    let act_err = Signal::derive(move || match act.value().get() {
        Some(Err(e)) => Some(e.message()),
        _ => None,
    });
    view! {
        {loaded(data, move |d: CampaignDetail| {
            let r = d.row.clone();
            let id = r.id;
            let next_action = if r.open { "close" } else { "open" };
            view! {
                <Title text=r.title.clone()/>
                <h1 class="mb-2 text-2xl font-bold text-gray-900">{r.title.clone()}</h1>
                <p class="mb-4"><a href="/admin/ratings/campaigns" class=LINK>{tr(Msg::CampaignsTitle)}</a></p>
                <div class="mb-5 overflow-x-auto rounded border border-gray-300 bg-white">
                    <table class="w-full text-left">
                        <thead class="bg-gray-100"><tr>
                            <th scope="col" class="px-3 py-2">{tr(Msg::CampaignWhere)}</th>
                            <th scope="col" class="px-3 py-2">{tr(Msg::StatusLabel)}</th>
                            <th scope="col" class="px-3 py-2 text-right">{tr(Msg::CampaignRatedOfVisits)}</th>
                            <th scope="col" class="px-3 py-2 text-right">{tr(Msg::GoodRate)}</th>
                        </tr></thead>
                        <tbody data-testid="campaign-figures"><tr>{campaign_cells(&r)}</tr></tbody>
                    </table>
                </div>
                <section class=CARD aria-labelledby="poster-heading">
                    <h2 id="poster-heading" class="mb-2 text-lg font-bold">{tr(Msg::CampaignPoster)}</h2>
                    <p class="mb-2 break-all font-mono" data-testid="campaign-link"><a href=d.link.clone() class=LINK>{d.link.clone()}</a></p>
                    <div class="h-40 w-40" role="img" aria-label=tr(Msg::CampaignQr) inner_html=d.qr.clone()></div>
                </section>
                <section class=CARD aria-labelledby="visits-heading">
                    <h2 id="visits-heading" class="mb-2 text-lg font-bold">{tr(Msg::VisitCodes)}</h2>
                    <p class="mb-2">{tr(Msg::VisitCodesLead)}" "<span data-testid="unused-visits">{d.unused}</span></p>
                    <ActionForm action=visits attr:class="flex flex-wrap items-end gap-3">
                        <input type="hidden" name="id" value=id/>
                        <div>
                            <label for="f-count" class="block font-medium">{tr(Msg::VisitCount)}</label>
                            <input id="f-count" name="count" type="number" min="1" max="500" value="50" inputmode="numeric"
                                class="tap block w-32 rounded border border-gray-500 px-3 py-2" aria-describedby="f-count-error"/>
                            <p id="f-count-error" class="text-sm font-medium text-red-800">{move || visits_err.get().map(|m| tr(m))}</p>
                        </div>
                        <button type="submit" class=SMALL_BUTTON disabled=move || visits.pending().get() data-testid="make-visits">{tr(Msg::MakeVisits)}</button>
                    </ActionForm>
                    <p class="mt-3"><a href=format!("/admin/ratings/campaigns/{id}/slips") class=LINK data-testid="print-slips">{tr(Msg::PrintSlips)}</a></p>
                </section>
                <section class=CARD>
                    <ActionForm action=act>
                        <input type="hidden" name="id" value=id/>
                        <input type="hidden" name="action" value=next_action/>
                        <button type="submit" class=PLAIN_BUTTON data-testid="campaign-toggle">
                            {if r.open { tr(Msg::CloseCampaign) } else { tr(Msg::ReopenCampaign) }}
                        </button>
                    </ActionForm>
                    <p role="alert" class="mt-2 font-medium text-red-800">{move || act_err.get().map(|m| tr(m))}</p>
                </section>
            }
        })}
    }
}

/// `/admin/ratings/campaigns/{id}/slips`: the unused visit codes as slips to cut out and hand
/// out at the window, each with the QR code that opens the form with the code filled in.
#[component]
pub fn SlipsPage() -> impl IntoView {
    let id = param("id");
    let data = Resource::new(move || id.get(), |id| get_slips(id.parse().unwrap_or(0)));
    view! {
        {loaded(data, |s: SlipSheet| view! {
            <Title text=s.row.title.clone()/>
            <div class="mb-4 print:hidden">
                <h1 class="text-2xl font-bold text-gray-900">{tr(Msg::PrintSlips)}" · "{s.row.title.clone()}</h1>
                <p>{tr(Msg::SlipsLead)}</p>
            </div>
            {s.slips.is_empty().then(|| view! { <p data-testid="no-slips">{tr(Msg::NoSlips)}</p> })}
            <ul class="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3" data-testid="slips">
                {s.slips.into_iter().map(|slip| view! {
                    <li class="flex break-inside-avoid items-center gap-3 rounded border border-dashed border-gray-500 bg-white p-3">
                        <div class="h-28 w-28 shrink-0" aria-hidden="true" inner_html=slip.qr/>
                        <div>
                            <p class="font-bold">{s.row.title.clone()}</p>
                            <p class="text-sm">{tr(Msg::VisitCodeLabel)}</p>
                            <p class="font-mono text-xl font-bold" data-testid="slip-code">{show_code(&slip.code)}</p>
                            <p class="break-all text-xs">{s.link.clone()}</p>
                        </div>
                    </li>
                }).collect_view()}
            </ul>
        })}
    }
}
