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
