//! The import page at `/admin/people/import`: the file's format and its upload form; then, for
//! an uploaded file (`?id=`), what each row will do, "Import", and once imported, activation
//! links for the people who have not signed in yet.
use super::api::{get_people_import, ImportPeople, SendActivationLinks};
use super::model::{
    Counts, ImportPreview, PlannedRow, ADMINS_ONLY, IMPORT_PATH, MAX_FILE_MB, OPTIONAL_COLUMNS,
    REQUIRED_COLUMNS, ROWS_SHOWN, UPLOAD_PATH,
};
use crate::auth::Viewer;
use crate::error::AppError;
use crate::ui::{submitted_error, ErrorPage, FormError, RequireSignIn, ShowsProgress};
use leptos::{form::ActionForm, prelude::*};
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn PeopleImportPage() -> impl IntoView {
    view! {
        <Title text="Import people"/>
        <RequireSignIn>
            <ImportView/>
        </RequireSignIn>
    }
}

#[component]
fn ImportView() -> impl IntoView {
    if !use_context::<Viewer>().is_some_and(|v| v.is_admin) {
        return view! { <ErrorPage error=AppError::forbidden(ADMINS_ONLY)/> }.into_any();
    }
    let query = use_query_map().read_untracked().clone();
    let Some(id) = query.get("id").and_then(|id| id.parse::<i64>().ok()) else {
        return view! {
            <h1 class="page-title">"Import people"</h1>
            <FileFormat/>
            <UploadForm/>
        }
        .into_any();
    };
    let sent = query.get("sent").and_then(|n| n.parse::<usize>().ok());
    let preview = OnceResource::new(get_people_import(id));
    view! {
        <h1 class="page-title">"Import people"</h1>
        <Suspense fallback=|| view! { <p class="loading">"Reading the file…"</p> }>
            {move || Suspend::new(async move {
                match preview.await {
                    Ok(preview) => view! { <Preview preview sent/> }.into_any(),
                    Err(AppError::NotFound) => view! { <crate::ui::NotFound/> }.into_any(),
                    Err(error) => view! { <ErrorPage error/> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn FileFormat() -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="format-title">
            <h2 id="format-title">"The file"</h2>
            <p>"A CSV file with one line per person. Its first line names the columns:"</p>
            <pre><code>{REQUIRED_COLUMNS.join(",")}</code></pre>
            <p>
                "After them it may add any of " <code>{OPTIONAL_COLUMNS.join(", ")}</code>
                ". " <code>"manager_email"</code> " is the email of the person’s manager, in the same file or already in Commons; leave it empty for no manager. "
                <code>"time_zone"</code> " is a name like Europe/Paris; " <code>"ask_me_about"</code> " and " <code>"languages"</code> " list values separated by commas inside the cell."
            </p>
            <p>"Nothing changes until you import. The preview shows what every line will do: people already here (by email) are updated, new people get an account they activate with a link you send them. Importing the same file again changes nothing."</p>
        </section>
    }
}

#[component]
fn UploadForm() -> impl IntoView {
    let hint = format!("A .csv file of at most {MAX_FILE_MB} MB.");
    view! {
        <section class="card" aria-labelledby="upload-title">
            <h2 id="upload-title">"Preview a file"</h2>
            <ShowsProgress message="Uploading and reading the file…".to_string()>
                <form method="post" action=UPLOAD_PATH enctype="multipart/form-data">
                    <div class="field">
                        <label for="field-csv">"CSV file"</label>
                        <input id="field-csv" type="file" name="csv" accept=".csv,text/csv" required
                            aria-describedby="field-csv-hint"/>
                        <p class="hint" id="field-csv-hint">{hint}</p>
                    </div>
                    <FormError message=submitted_error()/>
                    <button type="submit">"Preview"</button>
                </form>
            </ShowsProgress>
        </section>
    }
}

fn people(n: usize) -> String {
    if n == 1 {
        "1 person".into()
    } else {
        format!("{n} people")
    }
}

fn summary(counts: Counts) -> String {
    format!(
        "{}: {} to create, {} to update, {} unchanged, {} with errors.",
        people(counts.rows()),
        counts.created,
        counts.updated,
        counts.unchanged,
        counts.errors
    )
}

#[component]
fn Preview(preview: ImportPreview, sent: Option<usize>) -> impl IntoView {
    let ImportPreview {
        id,
        file_name,
        counts,
        errors,
        rows,
        imported,
        not_activated,
    } = preview;
    let import = ServerAction::<ImportPeople>::new();
    let activate = ServerAction::<SendActivationLinks>::new();
    let has_errors = !errors.is_empty();
    let shown_note = (counts.rows() - counts.errors > rows.len()).then(|| {
        format!(
            "The first {ROWS_SHOWN} rows without errors are listed; the counts above cover the whole file."
        )
    });
    let next_step = match imported {
        Some(done) => view! {
            <section class="card" aria-labelledby="done-title">
                <h2 id="done-title">"Imported"</h2>
                <p role="status">{format!(
                    "Imported {}: {} created, {} updated, {} unchanged.",
                    file_name, done.created, done.updated, done.unchanged
                )}</p>
                {sent.map(|n| view! { <p role="status">{format!("Activation links sent to {}.", people(n))}</p> })}
                {(not_activated > 0).then(|| view! {
                    <p>{format!(
                        "{} from this file {} not activated their account yet. Send each a link to choose a password; it works once, within 7 days.",
                        people(not_activated),
                        if not_activated == 1 { "has" } else { "have" },
                    )}</p>
                    <ActionForm action=activate>
                        <input type="hidden" name="id" value=id.to_string()/>
                        <FormError message=submitted_error()/>
                        <button type="submit">"Send activation links"</button>
                    </ActionForm>
                })}
                <p><a href=IMPORT_PATH>"Import another file"</a></p>
            </section>
        }
        .into_any(),
        None if has_errors => view! {
            <section class="card" aria-labelledby="next-title">
                <h2 id="next-title">"Fix the file"</h2>
                <p role="alert">"Nothing can be imported until every row is right. Fix the rows below in the file, then preview it again."</p>
            </section>
            <UploadForm/>
        }
        .into_any(),
        None => {
            let message = format!("Importing {}… this takes a few seconds.", people(counts.rows()));
            view! {
                <section class="card" aria-labelledby="next-title">
                    <h2 id="next-title">"Import"</h2>
                    <p>{if counts.created + counts.updated == 0 {
                        "Every row is unchanged: importing changes nothing.".to_string()
                    } else {
                        "Importing applies every row at once, or none if anything fails.".to_string()
                    }}</p>
                    <ShowsProgress message>
                        <ActionForm action=import>
                            <input type="hidden" name="id" value=id.to_string()/>
                            <FormError message=submitted_error()/>
                            <button type="submit">"Import"</button>
                        </ActionForm>
                    </ShowsProgress>
                    <p><a href=IMPORT_PATH>"Choose another file"</a></p>
                </section>
            }
            .into_any()
        }
    };
    view! {
        <section class="card" aria-labelledby="preview-title">
            <h2 id="preview-title">{format!("Preview of {file_name}")}</h2>
            <p>{summary(counts)}</p>
        </section>
        {next_step}
        {has_errors.then(|| view! { <RowTable caption="Rows with errors" last="Problem" rows=errors/> })}
        {(!rows.is_empty()).then(|| view! { <RowTable caption="Rows" last="On import" rows/> })}
        {shown_note.map(|note| view! { <p class="hint">{note}</p> })}
    }
}

#[component]
fn RowTable(caption: &'static str, last: &'static str, rows: Vec<PlannedRow>) -> impl IntoView {
    view! {
        <div class="table-scroll" role="region" aria-label=caption tabindex="0">
            <table class="import-rows">
                <caption>{caption}</caption>
                <thead><tr><th scope="col">"Line"</th><th scope="col">"Name"</th><th scope="col">"Email"</th><th scope="col">{last}</th></tr></thead>
                <tbody>
                    {rows.into_iter().map(|row| view! {
                        <tr>
                            <td>{row.line}</td>
                            <td>{row.name}</td>
                            <td>{row.email}</td>
                            <td>{row.change.text()}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
