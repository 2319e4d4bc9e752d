//! Form fields with their label and their error message next to them.

use super::{tr, use_prefs};
use crate::i18n::Msg;
use leptos::prelude::*;

/// A labelled input. The error (if any) is announced and tied to the input with
/// `aria-describedby`, so screen readers read it with the field.
#[component]
pub fn TextField(
    name: &'static str,
    label: Msg,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(default = false)] required: bool,
    #[prop(into)] error: Signal<Option<Msg>>,
) -> impl IntoView {
    let prefs = use_prefs();
    let id = format!("f-{name}");
    let label_for = id.clone();
    let err_id = format!("f-{name}-error");
    let described_by = err_id.clone();
    view! {
        <div class="space-y-1">
            <label for=label_for class="block font-medium">
                {tr(label)}
                {required.then(|| view! { <span class="text-red-800" aria-hidden="true">" *"</span> })}
            </label>
            <input
                id=id
                name=name
                type=kind
                autocomplete=autocomplete
                required=required
                aria-required=required.to_string()
                aria-invalid=move || error.get().is_some().to_string()
                aria-describedby=described_by
                class="tap block w-full rounded border border-gray-500 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-700"
            />
            <p id=err_id class="min-h-[1.25rem] text-sm font-medium text-red-800" aria-live="polite">
                {move || error.get().map(|m| m.text(prefs.get().locale))}
            </p>
        </div>
    }
}

/// A message about the whole form (not one field), announced politely.
#[component]
pub fn FormAlert(#[prop(into)] msg: Signal<Option<Msg>>) -> impl IntoView {
    let prefs = use_prefs();
    view! {
        <div role="status" aria-live="polite">
            {move || {
                msg.get()
                    .map(|m| {
                        view! {
                            <p class="rounded border border-red-800 bg-red-50 px-3 py-2 font-medium text-red-900">
                                {m.text(prefs.get().locale)}
                            </p>
                        }
                    })
            }}
        </div>
    }
}

/// A citizen-facing field: keeps the value it was rendered with (after a refused post without
/// JavaScript), checks itself as the citizen leaves it (with JavaScript), and shows the server's
/// message until the citizen changes the value.
#[component]
pub fn Field(
    name: &'static str,
    label: Msg,
    #[prop(optional)] hint: Option<Msg>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(default = false)] multiline: bool,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(default = false)] required: bool,
    #[prop(optional)] maxlength: Option<usize>,
    #[prop(into)] value: String,
    #[prop(into)] error: Signal<Option<Msg>>,
    #[prop(optional)] check: Option<Callback<String, Option<Msg>>>,
) -> impl IntoView {
    let prefs = use_prefs();
    let id = format!("f-{name}");
    let err_id = format!("f-{name}-error");
    let hint_id = format!("f-{name}-hint");
    let described_by = if hint.is_some() { format!("{hint_id} {err_id}") } else { err_id.clone() };
    // What the browser found since the server last answered (`None`: nothing checked yet).
    let live: RwSignal<Option<Option<Msg>>> = RwSignal::new(None);
    Effect::new(move |_| {
        error.track();
        live.set(None);
    });
    let shown = move || live.get().unwrap_or_else(|| error.get());
    let run_check = move |v: String| {
        if let Some(check) = check {
            live.set(Some(check.run(v)));
        }
    };
    let on_change = move |ev: leptos::ev::Event| run_check(event_target_value(&ev));
    // While an error shows, re-check on every keystroke so it clears as soon as it is fixed.
    let on_input = move |ev: leptos::ev::Event| {
        if shown().is_some() {
            run_check(event_target_value(&ev));
        }
    };
    let class = "tap block w-full rounded border border-gray-500 bg-white px-3 py-2 text-base aria-[invalid=true]:border-2 aria-[invalid=true]:border-red-700";
    let control = if multiline {
        view! {
            <textarea
                id=id.clone() name=name rows="5" required=required maxlength=maxlength
                aria-required=required.to_string() aria-invalid=move || shown().is_some().to_string()
                aria-describedby=described_by.clone() class=class on:change=on_change on:input=on_input
            >{value.clone()}</textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                id=id.clone() name=name type=kind value=value.clone() autocomplete=autocomplete inputmode=inputmode
                required=required maxlength=maxlength aria-required=required.to_string()
                aria-invalid=move || shown().is_some().to_string() aria-describedby=described_by.clone() class=class
                on:change=on_change on:input=on_input
            />
        }
        .into_any()
    };
    view! {
        <div class="space-y-1">
            <label for=id class="block font-medium">
                {tr(label)}
                {required.then(|| view! { <span class="text-red-800" aria-hidden="true">" *"</span> })}
            </label>
            {hint.map(|h| view! { <p id=hint_id class="text-sm text-gray-700">{tr(h)}</p> })}
            {control}
            <p id=err_id class="min-h-[1.25rem] text-sm font-medium text-red-800" aria-live="polite">
                {move || shown().map(|m| m.text(prefs.get().locale))}
            </p>
        </div>
    }
}

/// The server's message for a choice, hidden once the citizen picks again (set the returned
/// flag) and shown afresh after the next answer.
fn until_changed(error: Signal<Option<Msg>>) -> (RwSignal<bool>, impl Fn() -> Option<Msg> + Copy + Send + Sync + 'static) {
    let picked = RwSignal::new(false);
    Effect::new(move |_| {
        error.track();
        picked.set(false);
    });
    (picked, move || if picked.get() { None } else { error.get() })
}

/// A drop-down list; `options` are (value, label) pairs.
#[component]
pub fn SelectField(
    name: &'static str,
    label: Msg,
    #[prop(default = false)] required: bool,
    options: Vec<(String, String)>,
    #[prop(optional)] placeholder: Option<Msg>,
    #[prop(into)] value: String,
    #[prop(into)] error: Signal<Option<Msg>>,
    #[prop(optional)] on_pick: Option<Callback<String>>,
) -> impl IntoView {
    let prefs = use_prefs();
    let id = format!("f-{name}");
    let err_id = format!("f-{name}-error");
    let (picked, shown) = until_changed(error);
    view! {
        <div class="space-y-1">
            <label for=id.clone() class="block font-medium">
                {tr(label)}
                {required.then(|| view! { <span class="text-red-800" aria-hidden="true">" *"</span> })}
            </label>
            <select
                id=id name=name required=required aria-required=required.to_string()
                aria-invalid=move || shown().is_some().to_string() aria-describedby=err_id.clone()
                class="tap block w-full rounded border border-gray-500 bg-white px-3 py-2 text-base aria-[invalid=true]:border-2 aria-[invalid=true]:border-red-700"
                on:change=move |ev| {
                    picked.set(true);
                    if let Some(cb) = on_pick { cb.run(event_target_value(&ev)); }
                }
            >
                {placeholder.map(|p| view! { <option value="">{tr(p)}</option> })}
                {options.into_iter().map(|(v, l)| {
                    let selected = v == value;
                    view! { <option value=v selected=selected>{l}</option> }
                }).collect_view()}
            </select>
            <p id=err_id class="min-h-[1.25rem] text-sm font-medium text-red-800" aria-live="polite">
                {move || shown().map(|m| m.text(prefs.get().locale))}
            </p>
        </div>
    }
}

/// A group of radio buttons in a fieldset with its legend; `options` are (value, label).
#[component]
pub fn RadioField(
    name: &'static str,
    label: Msg,
    options: Vec<(&'static str, Msg)>,
    #[prop(into)] value: String,
    #[prop(into)] error: Signal<Option<Msg>>,
) -> impl IntoView {
    let prefs = use_prefs();
    let err_id = format!("f-{name}-error");
    let described_by = err_id.clone();
    let (picked, shown) = until_changed(error);
    view! {
        <fieldset class="space-y-1" aria-describedby=described_by>
            <legend class="font-medium">{tr(label)}<span class="text-red-800" aria-hidden="true">" *"</span></legend>
            <div class="flex flex-wrap gap-x-4 gap-y-1">
                {options.into_iter().enumerate().map(|(i, (v, l))| {
                    let id = format!("f-{name}-{i}");
                    let label_for = id.clone();
                    let checked = v == value;
                    view! {
                        <label for=label_for class="tap inline-flex items-center gap-2">
                            <input id=id type="radio" name=name value=v checked=checked class="h-5 w-5"
                                on:change=move |_| picked.set(true)/>
                            {tr(l)}
                        </label>
                    }
                }).collect_view()}
            </div>
            <p id=err_id class="min-h-[1.25rem] text-sm font-medium text-red-800" aria-live="polite">
                {move || shown().map(|m| m.text(prefs.get().locale))}
            </p>
        </fieldset>
    }
}

/// Prints the page (a receipt). A script-driven button: the portal's content security policy
/// allows no inline handlers, and without JavaScript the browser's own print remains.
#[component]
pub fn PrintButton(class: &'static str) -> impl IntoView {
    view! {
        <button type="button" class=class on:click=move |_| {
            #[cfg(feature = "hydrate")]
            let _ = window().print();
        }>{tr(Msg::Print)}</button>
    }
}
