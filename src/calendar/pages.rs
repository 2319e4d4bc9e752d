//! Back-office page of the working-day calendar.

use super::CalendarDayView;
use super::api::{ClearCalendarDay, SetCalendarDay, get_calendar_year};
use crate::domain::{DayKind, Locale, Role};
use crate::i18n::Msg;
use crate::staff::StaffView;
use crate::ui::form::{FormAlert, TextField};
use crate::ui::layout::PageHeading;
use crate::ui::{tr, use_prefs};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

fn weekday_name(iso: &str, l: Locale) -> &'static str {
    let Ok(d) = time::Date::parse(iso, &time::format_description::well_known::Iso8601::DATE) else { return "" };
    let i = d.weekday().number_days_from_monday() as usize;
    match l {
        Locale::Hans => ["周一", "周二", "周三", "周四", "周五", "周六", "周日"][i],
        Locale::Hant => ["週一", "週二", "週三", "週四", "週五", "週六", "週日"][i],
        Locale::En => ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][i],
    }
}

fn kind_msg(kind: DayKind) -> Msg {
    match kind {
        DayKind::Holiday => Msg::DayKindHoliday,
        DayKind::MakeUpWorkday => Msg::DayKindWorkday,
    }
}

#[component]
pub fn CalendarPage() -> impl IntoView {
    let query = use_query_map();
    let year = move || query.read().get("year").and_then(|y| y.parse::<i32>().ok());
    let set = ServerAction::<SetCalendarDay>::new();
    let clear = ServerAction::<ClearCalendarDay>::new();
    let data = Resource::new(move || (year(), set.version().get(), clear.version().get()), |(y, _, _)| get_calendar_year(y));
    let is_admin = use_context::<StaffView>().is_some_and(|s| s.has_role(Role::Admin));
    let prefs = use_prefs();
    view! {
        <PageHeading title=Msg::CalendarAdmin lead=Msg::CalendarLead/>
        <Suspense fallback=move || view! { <p>{tr(Msg::Loading)}</p> }>
            {crate::ui::suspend(move || async move {
                match data.await {
                    Ok(cal) => view! { <YearView year=cal.year days=cal.days is_admin clear/> }.into_any(),
                    Err(e) => view! { <p role="alert" class="text-red-800">{e.text(prefs.get_untracked().locale)}</p> }.into_any(),
                }
            })}
        </Suspense>
        {is_admin.then(|| view! { <SetDayForm set/> })}
    }
}

#[component]
fn YearView(year: i32, days: Vec<CalendarDayView>, is_admin: bool, clear: ServerAction<ClearCalendarDay>) -> impl IntoView {
    let prefs = use_prefs();
    let nav = "tap inline-flex items-center rounded border border-gray-500 bg-white px-3 py-1 font-medium hover:bg-gray-100";
    let empty = days.is_empty();
    view! {
        <div class="mb-4 flex items-center gap-3">
            <a href=format!("/admin/calendar?year={}", year - 1) class=nav>{tr(Msg::PrevYear)}</a>
            <h2 class="text-xl font-bold" data-testid="calendar-year">{year}</h2>
            <a href=format!("/admin/calendar?year={}", year + 1) class=nav>{tr(Msg::NextYear)}</a>
        </div>
        {empty.then(|| view! { <p class="mb-4">{tr(Msg::NoCalendarDays)}</p> })}
        <div class="mb-6 overflow-x-auto rounded border border-gray-300 bg-white" tabindex="0" role="region" aria-labelledby="calendar-caption">
            <table class="w-full text-left">
                <caption id="calendar-caption" class="sr-only">{tr(Msg::CalendarAdmin)}" "{year}</caption>
                <thead class="bg-gray-100">
                    <tr>
                        <th scope="col" class="px-3 py-2">{tr(Msg::Date)}</th>
                        <th scope="col" class="px-3 py-2">{tr(Msg::WeekdayCol)}</th>
                        <th scope="col" class="px-3 py-2">{tr(Msg::DayKindCol)}</th>
                        <th scope="col" class="px-3 py-2">{tr(Msg::Note)}</th>
                        {is_admin.then(|| view! { <th scope="col" class="px-3 py-2">{tr(Msg::Actions)}</th> })}
                    </tr>
                </thead>
                <tbody data-testid="calendar-days">
                    {days
                        .into_iter()
                        .map(|d| {
                            let date = d.date.clone();
                            let weekday = d.date.clone();
                            let badge = match d.kind {
                                DayKind::Holiday => "rounded bg-red-100 px-2 py-0.5 text-red-900",
                                DayKind::MakeUpWorkday => "rounded bg-blue-100 px-2 py-0.5 text-blue-900",
                            };
                            view! {
                                <tr class="border-t border-gray-200">
                                    <td class="px-3 py-2 font-mono">{d.date.clone()}</td>
                                    <td class="px-3 py-2">{move || weekday_name(&weekday, prefs.get().locale)}</td>
                                    <td class="px-3 py-2"><span class=badge>{tr(kind_msg(d.kind))}</span></td>
                                    <td class="px-3 py-2">{d.note}</td>
                                    {is_admin.then(|| view! {
                                        <td class="px-3 py-2">
                                            <ActionForm action=clear>
                                                <input type="hidden" name="date" value=date.clone()/>
                                                <button type="submit" class="tap rounded border border-gray-500 px-2 py-1 hover:bg-gray-100">
                                                    {tr(Msg::Remove)}<span class="sr-only">" "{date.clone()}</span>
                                                </button>
                                            </ActionForm>
                                        </td>
                                    })}
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn SetDayForm(set: ServerAction<SetCalendarDay>) -> impl IntoView {
    let prefs = use_prefs();
    let error = move || set.value().get().and_then(|r| r.err());
    let field_error = move |f: &'static str| Signal::derive(move || error().and_then(|e| e.for_field(f)));
    let saved = move || matches!(set.value().get(), Some(Ok(())));
    view! {
        <section aria-labelledby="set-day-heading" class="max-w-xl rounded-lg border border-gray-300 bg-white p-4">
            <h2 id="set-day-heading" class="mb-3 text-lg font-bold">{tr(Msg::SetCalendarDay)}</h2>
            <ActionForm action=set attr:class="space-y-3" attr:novalidate="true">
                <FormAlert msg=Signal::derive(move || error().and_then(|e| e.form_level()))/>
                <TextField name="date" label=Msg::Date kind="date" required=true error=field_error("date")/>
                <div class="space-y-1">
                    <label for="f-kind" class="block font-medium">{tr(Msg::DayKindCol)}</label>
                    <select id="f-kind" name="kind" class="tap block w-full rounded border border-gray-500 bg-white px-3 py-2">
                        <option value="holiday">{tr(Msg::DayKindHoliday)}</option>
                        <option value="workday">{tr(Msg::DayKindWorkday)}</option>
                    </select>
                </div>
                <TextField name="note" label=Msg::Note error=field_error("note")/>
                <div class="flex items-center gap-3">
                    <button type="submit" class="tap rounded bg-red-800 px-4 py-2 font-bold text-white hover:bg-red-900" disabled=move || set.pending().get()>
                        {tr(Msg::Save)}
                    </button>
                    <p role="status" class="font-medium text-green-800">{move || saved().then(|| Msg::Saved.text(prefs.get().locale))}</p>
                </div>
            </ActionForm>
        </section>
    }
}
