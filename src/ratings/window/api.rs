//! Counter-evaluation server functions: evaluators (and site administrators) run campaigns;
//! anyone with a visit code rates once.

use super::{CampaignDetail, CampaignList, SlipSheet, WindowForm};
use crate::error::AppError;
use leptos::prelude::*;
#[cfg(feature = "ssr")]
use {
    super::{Slip, store},
    crate::domain::Need,
    crate::domain::rating::{CampaignInput, RatingInput, SLUG_LEN, VISIT_LEN, normalise_code},
    crate::i18n::Msg,
    crate::server::{audit, auth, drafts},
};

/// The most visit codes made at once, and printed on one sheet.
pub const MAX_VISITS: i64 = 500;

#[cfg(feature = "ssr")]
const NEW_FORM: &str = "campaign";
#[cfg(feature = "ssr")]
const RATE_FORM: &str = "window_rating";

#[cfg(feature = "ssr")]
async fn evaluator() -> Result<auth::Staff, AppError> {
    auth::require(Need::Evaluation).await
}

/// The short link to the campaign, `with` a visit code filled in.
#[cfg(feature = "ssr")]
fn link(state: &crate::server::AppState, slug: &str, visit: Option<&str>) -> String {
    let base = crate::apply::api::public_base(state);
    match visit {
        Some(v) => format!("{base}/r/{slug}?v={v}"),
        None => format!("{base}/r/{slug}"),
    }
}

#[server(endpoint = "ratings/campaigns")]
pub async fn get_campaigns(draft: Option<String>) -> Result<CampaignList, AppError> {
    evaluator().await?;
    let state = auth::state()?;
    let units = crate::units::store::list(&state.db).await?.into_iter().map(|u| (u.id, u.name)).collect();
    let matters = store::matters(&state.db).await?;
    let rows = store::list(&state.db).await?;
    let (token, values, errors) = match draft {
        Some(t) => match drafts::load::<CampaignInput>(&state.db, &t, NEW_FORM).await? {
            Some((values, errors)) => (t, values, errors),
            None => (drafts::new_token(), CampaignInput::default(), Vec::new()),
        },
        None => (drafts::new_token(), CampaignInput::default(), Vec::new()),
    };
    Ok(CampaignList { rows, units, matters, token, values, errors })
}

/// Opens a campaign for a window or a matter under a fresh short link.
#[server(endpoint = "ratings/campaigns/create")]
pub async fn create_campaign(
    #[server(default)] token: String,
    #[server(default)] title: String,
    #[server(default)] unit: String,
    #[server(default)] matter: String,
    #[server(default)] place: String,
) -> Result<i64, AppError> {
    let staff = evaluator().await?;
    let state = auth::state()?;
    let input = CampaignInput { title, unit, matter, place };
    let back = "/admin/ratings/campaigns";
    let campaign = match input.validate() {
        Ok(c) => c,
        Err(errors) => return Err(drafts::refuse(&state.db, &token, NEW_FORM, back, &input, errors).await),
    };
    if crate::units::store::list(&state.db).await?.iter().all(|u| u.id != campaign.unit) {
        return Err(drafts::refuse(&state.db, &token, NEW_FORM, back, &input, vec![("unit", Msg::ChooseOne)]).await);
    }
    if let Some(m) = campaign.matter {
        if store::matter_unit(&state.db, m).await? != Some(campaign.unit) {
            return Err(drafts::refuse(&state.db, &token, NEW_FORM, back, &input, vec![("matter", Msg::MatterNotOfUnit)]).await);
        }
    }
    let mut id = None;
    for _ in 0..5 {
        id = store::create(&state.db, &campaign, &drafts::random_code(SLUG_LEN), staff.id).await?;
        if id.is_some() {
            break;
        }
    }
    let id = id.ok_or_else(|| AppError::internal("no free short link"))?;
    drafts::delete(&state.db, &token).await?;
    audit::record(&state.db, Some(staff.id), "campaign.create", &format!("campaign {id}")).await?;
    leptos_axum::redirect(&format!("/admin/ratings/campaigns/{id}"));
    Ok(id)
}

#[server(endpoint = "ratings/campaigns/get")]
pub async fn get_campaign(id: i64) -> Result<CampaignDetail, AppError> {
    evaluator().await?;
    let state = auth::state()?;
    let row = store::get(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let link = link(&state, &row.slug, None);
    let qr = crate::apply::api::qr_svg(&link)?;
    let unused = store::count_unused(&state.db, id).await?;
    Ok(CampaignDetail { row, link, qr, unused })
}

/// `open` or `close` a campaign.
#[server(endpoint = "ratings/campaigns/act")]
pub async fn campaign_action(id: i64, #[server(default)] action: String) -> Result<(), AppError> {
    let staff = evaluator().await?;
    let state = auth::state()?;
    let open = match action.as_str() {
        "open" => true,
        "close" => false,
        _ => return Err(AppError::BadRequest),
    };
    store::get(&state.db, id).await?.ok_or(AppError::NotFound)?;
    if !store::set_open(&state.db, id, open).await? {
        return Err(AppError::invalid("action", Msg::ActionNotOpen));
    }
    audit::record(&state.db, Some(staff.id), &format!("campaign.{action}"), &format!("campaign {id}")).await?;
    if drafts::is_plain_form_post() {
        leptos_axum::redirect(&format!("/admin/ratings/campaigns/{id}"));
    }
    Ok(())
}

/// Makes `count` visit codes to print on slips.
#[server(endpoint = "ratings/campaigns/visits")]
pub async fn make_visits(id: i64, #[server(default)] count: String) -> Result<(), AppError> {
    let staff = evaluator().await?;
    let state = auth::state()?;
    store::get(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let n = count.trim().parse::<i64>().ok().filter(|n| (1..=MAX_VISITS).contains(n)).ok_or_else(|| AppError::invalid("count", Msg::VisitCount))?;
    let codes: Vec<String> = (0..n).map(|_| drafts::random_code(VISIT_LEN)).collect();
    store::add_visits(&state.db, id, &codes).await?;
    audit::record(&state.db, Some(staff.id), "campaign.visits", &format!("campaign {id}: {n} codes")).await?;
    if drafts::is_plain_form_post() {
        leptos_axum::redirect(&format!("/admin/ratings/campaigns/{id}"));
    }
    Ok(())
}

/// The unused visit codes as printable slips, each with its QR code.
#[server(endpoint = "ratings/campaigns/slips")]
pub async fn get_slips(id: i64) -> Result<SlipSheet, AppError> {
    evaluator().await?;
    let state = auth::state()?;
    let row = store::get(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let mut slips = Vec::new();
    for code in store::unused(&state.db, id, MAX_VISITS).await? {
        let qr = crate::apply::api::qr_svg(&link(&state, &row.slug, Some(&code)))?;
        slips.push(Slip { code, qr });
    }
    Ok(SlipSheet { link: link(&state, &row.slug, None), row, slips })
}

/// `/r/{slug}`: the campaign and the rating form (`v`: the visit code from the slip's QR code).
#[server(endpoint = "ratings/window/form")]
pub async fn get_window_form(slug: String, v: Option<String>, draft: Option<String>) -> Result<WindowForm, AppError> {
    let state = auth::state()?;
    let slug = normalise_code(&slug, SLUG_LEN).ok_or(AppError::NotFound)?;
    let row = store::by_slug(&state.db, &slug).await?.ok_or(AppError::NotFound)?;
    let mut form = WindowForm {
        slug: row.slug,
        title: row.title,
        unit_name: row.unit_name,
        matter_name: row.matter_name,
        place: row.place,
        open: row.open,
        token: drafts::new_token(),
        visit: v.map(|v| v.chars().filter(|c| !c.is_control()).take(20).collect()).unwrap_or_default(),
        values: RatingInput::default(),
        errors: Vec::new(),
    };
    if let Some(t) = draft {
        if let Some(((visit, values), errors)) = drafts::load::<(String, RatingInput)>(&state.db, &t, RATE_FORM).await? {
            (form.token, form.visit, form.values, form.errors) = (t, visit, values, errors);
        }
    }
    Ok(form)
}

/// A citizen rates one visit. The visit code is checked before anything else is.
#[server(endpoint = "ratings/window/rate")]
#[allow(clippy::too_many_arguments)]
pub async fn rate_window(
    slug: String,
    #[server(default)] token: String,
    #[server(default)] visit: String,
    #[server(default)] level: String,
    #[server(default)] efficiency: String,
    #[server(default)] attitude: String,
    #[server(default)] guide: String,
    #[server(default)] convenience: String,
    #[server(default)] comment: String,
) -> Result<(), AppError> {
    let state = auth::state()?;
    let slug = normalise_code(&slug, SLUG_LEN).ok_or(AppError::NotFound)?;
    let row = store::by_slug(&state.db, &slug).await?.ok_or(AppError::NotFound)?;
    let input = RatingInput { level, efficiency, attitude, guide, convenience, comment };
    let back = format!("/r/{slug}");
    let draft = (visit.clone(), input.clone());
    let refuse = |errors: Vec<(&'static str, Msg)>| drafts::refuse(&state.db, &token, RATE_FORM, &back, &draft, errors);
    if !row.open {
        return Err(refuse(vec![("visit", Msg::CampaignClosed)]).await);
    }
    let (code, rating) = match (normalise_code(&visit, VISIT_LEN), input.validate()) {
        (Some(code), Ok(rating)) => (code, rating),
        (code, rating) => {
            let mut errors = if code.is_none() { vec![("visit", Msg::VisitCodeInvalid)] } else { Vec::new() };
            errors.extend(rating.err().unwrap_or_default());
            return Err(refuse(errors).await);
        }
    };
    match store::rate(&state.db, row.id, &code, &rating, state.today()).await? {
        store::Rated::Saved => {}
        store::Rated::UnknownCode => return Err(refuse(vec![("visit", Msg::VisitCodeInvalid)]).await),
        store::Rated::AlreadyRated => return Err(refuse(vec![("visit", Msg::VisitAlreadyRated)]).await),
    }
    tracing::info!(campaign = row.id, level = rating.level.as_str(), "visit rated");
    drafts::delete(&state.db, &token).await?;
    if drafts::is_plain_form_post() {
        leptos_axum::redirect(&format!("/r/{slug}?done=1"));
    }
    Ok(())
}
