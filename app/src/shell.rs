//! The HTML document and the routes.
use crate::auth::{
    ActivatePage, CheckEmailPage, ForgotPasswordPage, InvitePage, JoinPage, ResetPasswordPage,
    SettingsPage, SignInPage, VerifyPage,
};
use crate::conversations::ReactorsPage;
use crate::follows::{FollowersPage, FollowingPage};
use crate::groups::{
    EditGroupPage, GroupPage, GroupsPage, MembersPage, ModerationPage, NewGroupPage, RequestsPage,
};
use crate::notifications::NotificationsPage;
use crate::people::{DirectoryPage, PeopleImportPage, ProfilePage, ReportsListPage};
use crate::posts::{HomePage, PostPage};
use crate::questions::QuestionsPage;
use crate::revisions::{DeletePage, EditPage, HistoryPage};
use crate::setup::SetupPage;
use crate::topics::{TopicPage, TopicsPage};
use crate::ui::{provide_session, Header, NotFound};
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Meta, MetaTags, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    path, SsrMode,
};

/// The document around the app, rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    provide_csp_nonce();
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="theme-color" content="#1f5f8b"/>
                <link rel="manifest" href="/manifest.webmanifest"/>
                <link rel="icon" href="/icons/icon-192.png" type="image/png"/>
                <link rel="apple-touch-icon" href="/icons/icon-192.png"/>
                <link rel="stylesheet" id="leptos" href=stylesheet_href(&options)/>
                <script src="/pwa.js" defer></script>
                <HydrationScripts options islands=true/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The stylesheet's address, with the hash the build gave its name. (leptos_meta's
/// `HashedStylesheet` reads the build's hash file again for every page; once is enough.)
fn stylesheet_href(options: &LeptosOptions) -> &'static str {
    static HREF: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    HREF.get_or_init(|| {
        let name = match options.hash_files.then(|| css_hash(options)).flatten() {
            Some(hash) => format!("{}.{hash}", options.output_name),
            None => options.output_name.to_string(),
        };
        format!("/{}/{name}.css", options.site_pkg_dir)
    })
}

/// The `css: HASH` line of the hash file cargo-leptos writes beside the server.
fn css_hash(options: &LeptosOptions) -> Option<String> {
    let file = std::env::current_exe()
        .ok()?
        .parent()?
        .join(options.hash_file.as_ref());
    std::fs::read_to_string(file)
        .ok()?
        .lines()
        .find_map(|line| {
            let (kind, hash) = line.split_once(':')?;
            (kind.trim() == "css").then(|| hash.trim().to_string())
        })
}

/// Hands the request's CSP nonce (made by the security middleware) to Leptos, which puts it on
/// every script it writes.
#[cfg(feature = "ssr")]
fn provide_csp_nonce() {
    if let Some(nonce) = use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<CspNonce>().cloned())
    {
        provide_context(leptos::nonce::Nonce::from_value(nonce.0));
    }
}

/// The nonce for this response's Content-Security-Policy.
#[derive(Clone, Debug)]
pub struct CspNonce(pub String);

/// "Page · Commons". Page titles can hold people's names, and leptos_meta writes the title into
/// the server's HTML unescaped, so it is escaped here (the browser sets `document.title` as text).
fn page_title(page: String) -> String {
    let title = if page.is_empty() {
        "Commons".to_string()
    } else {
        format!("{page} · Commons")
    };
    if cfg!(feature = "ssr") {
        crate::ui::escape_html(&title)
    } else {
        title
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_session();
    view! {
        <Title formatter=page_title/>
        <Meta name="description" content="Your organization's social intranet"/>
        <Router>
            <Header/>
            <main id="main" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=HomePage ssr=SsrMode::Async/>
                    <Route path=path!("/setup") view=SetupPage ssr=SsrMode::Async/>
                    <Route path=path!("/join") view=JoinPage ssr=SsrMode::Async/>
                    <Route path=path!("/sign-in") view=SignInPage ssr=SsrMode::Async/>
                    <Route path=path!("/join/check-email") view=CheckEmailPage ssr=SsrMode::Async/>
                    <Route path=path!("/verify") view=VerifyPage ssr=SsrMode::Async/>
                    <Route path=path!("/forgot-password") view=ForgotPasswordPage ssr=SsrMode::Async/>
                    <Route path=path!("/reset-password") view=ResetPasswordPage ssr=SsrMode::Async/>
                    <Route path=path!("/activate") view=ActivatePage ssr=SsrMode::Async/>
                    <Route path=path!("/invite") view=InvitePage ssr=SsrMode::Async/>
                    <Route path=path!("/settings") view=SettingsPage ssr=SsrMode::Async/>
                    <Route path=path!("/notifications") view=NotificationsPage ssr=SsrMode::Async/>
                    <Route path=path!("/posts/:id") view=PostPage ssr=SsrMode::Async/>
                    <Route path=path!("/reactions/:item") view=ReactorsPage ssr=SsrMode::Async/>
                    <Route path=path!("/edit/:item") view=EditPage ssr=SsrMode::Async/>
                    <Route path=path!("/delete/:item") view=DeletePage ssr=SsrMode::Async/>
                    <Route path=path!("/history/:item") view=HistoryPage ssr=SsrMode::Async/>
                    <Route path=path!("/groups") view=GroupsPage ssr=SsrMode::Async/>
                    <Route path=path!("/groups/new") view=NewGroupPage ssr=SsrMode::Async/>
                    <Route path=path!("/groups/:id") view=GroupPage ssr=SsrMode::Async/>
                    <Route path=path!("/groups/:id/members") view=MembersPage ssr=SsrMode::Async/>
                    <Route path=path!("/groups/:id/requests") view=RequestsPage ssr=SsrMode::Async/>
                    <Route path=path!("/groups/:id/edit") view=EditGroupPage ssr=SsrMode::Async/>
                    <Route path=path!("/groups/:id/moderation") view=ModerationPage ssr=SsrMode::Async/>
                    <Route path=path!("/topics") view=TopicsPage ssr=SsrMode::Async/>
                    <Route path=path!("/questions") view=QuestionsPage ssr=SsrMode::Async/>
                    <Route path=path!("/topics/:name") view=TopicPage ssr=SsrMode::Async/>
                    <Route path=path!("/people") view=DirectoryPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/people/import") view=PeopleImportPage ssr=SsrMode::Async/>
                    <Route path=path!("/people/:handle") view=ProfilePage ssr=SsrMode::Async/>
                    <Route path=path!("/people/:handle/followers") view=FollowersPage ssr=SsrMode::Async/>
                    <Route path=path!("/people/:handle/following") view=FollowingPage ssr=SsrMode::Async/>
                    <Route path=path!("/people/:handle/reports") view=ReportsListPage ssr=SsrMode::Async/>
                </Routes>
            </main>
        </Router>
    }
}
