//! The test harness: a real Commons server on a real database (SQLite by default, PostgreSQL when
//! TEST_DATABASE_URL is a postgres:// URL), driven over real HTTP the way a browser form or the
//! WebAssembly client drives it. Tests read like user stories: `app.setup()`, `ada.post(..)`.
use crate::mailbox;
use app::error::AppError;
use app::posts::{
    api::{CreatePost, HomeFeed},
    model::PostCreated,
};
use leptos::server_fn::ServerFn;
use reqwest::{header, Client, Response, StatusCode};
use serde::de::DeserializeOwned;
use server::config::Config;
use std::path::PathBuf;

pub const PASSWORD: &str = "correct horse battery";

/// The setup form for the organization "Acme", allowing `example.org`, run by Ada Admin.
pub const ACME_SETUP: [(&str, &str); 5] = [
    ("organization", "Acme"),
    ("domains", "example.org"),
    ("name", "Ada Admin"),
    ("email", "ada@example.org"),
    ("password", PASSWORD),
];

/// A fresh, empty database that is removed when dropped.
pub struct TestDb {
    pub url: String,
    cleanup: Cleanup,
}

enum Cleanup {
    Dir(PathBuf),
    Postgres { admin_url: String, name: String },
}

fn unique_name() -> String {
    format!("commons_t_{:016x}", rand::random::<u64>())
}

impl TestDb {
    pub async fn new() -> TestDb {
        match std::env::var("TEST_DATABASE_URL")
            .ok()
            .filter(|u| u.starts_with("postgres"))
        {
            Some(admin_url) => {
                sqlx::any::install_default_drivers();
                let name = unique_name();
                let admin = sqlx::AnyPool::connect(&admin_url)
                    .await
                    .expect("connect to TEST_DATABASE_URL");
                sqlx::query(&format!("CREATE DATABASE {name}"))
                    .execute(&admin)
                    .await
                    .expect("create test database");
                admin.close().await;
                let (base, _) = admin_url.rsplit_once('/').expect("database URL has a path");
                TestDb {
                    url: format!("{base}/{name}"),
                    cleanup: Cleanup::Postgres { admin_url, name },
                }
            }
            None => {
                let dir = std::env::temp_dir().join(unique_name());
                std::fs::create_dir_all(&dir).expect("temp dir");
                let url = format!("sqlite://{}/commons.db?mode=rwc", dir.display());
                TestDb {
                    url,
                    cleanup: Cleanup::Dir(dir),
                }
            }
        }
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        match &self.cleanup {
            Cleanup::Dir(dir) => {
                let _ = std::fs::remove_dir_all(dir);
            }
            Cleanup::Postgres { admin_url, name } => {
                let (admin_url, name) = (admin_url.clone(), name.clone());
                // Drop runs inside the test's runtime; use a thread with its own.
                let _ = std::thread::spawn(move || {
                    let runtime = tokio::runtime::Builder::new_current_thread()
                        .enable_all()
                        .build()
                        .ok()?;
                    runtime.block_on(async {
                        let admin = sqlx::AnyPool::connect(&admin_url).await.ok()?;
                        sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                            .execute(&admin)
                            .await
                            .ok()
                    })
                })
                .join();
            }
        }
    }
}

/// A running server on its own database.
pub struct TestApp {
    pub url: String,
    /// Where its mail arrives.
    pub mail: mailbox::Mailbox,
    /// The server's shared state, for builders that make data through the stores.
    pub state: app::state::AppState,
    pub db: TestDb,
    /// Where its uploaded media is kept (a folder of its own, shared with its other servers).
    pub media_dir: std::path::PathBuf,
}

impl TestApp {
    pub async fn spawn() -> TestApp {
        Self::spawn_with(|_| {}).await
    }

    /// A server that keeps pages and sessions while nothing changes, as `commons serve` does by
    /// default. Only for tests that change things through requests: builders write around them.
    pub async fn spawn_keeping() -> TestApp {
        Self::spawn_with(|config| config.page_cache = 10).await
    }

    pub async fn spawn_with(adjust: impl FnOnce(&mut Config)) -> TestApp {
        let db = TestDb::new().await;
        let mail = mailbox::Mailbox::for_tests();
        let media_dir =
            std::env::temp_dir().join(format!("commons-test-media-{:016x}", rand::random::<u64>()));
        let (url, state) = start_server(&db.url, |config| {
            mail.configure(config);
            config.media_dir = media_dir.clone();
            adjust(config)
        })
        .await;
        TestApp {
            url,
            mail,
            state,
            db,
            media_dir,
        }
    }

    /// The address of another Commons server on the same database, as behind a load balancer.
    pub async fn another_server(&self) -> String {
        let media_dir = self.media_dir.clone();
        start_server(&self.db.url, |config| config.media_dir = media_dir)
            .await
            .0
    }

    /// A new visitor with an empty cookie jar, like a fresh browser.
    pub fn visitor(&self) -> Visitor {
        Visitor::new(&self.url)
    }

    /// Sets up the organization (allowing `example.org`) and returns its signed-in administrator.
    pub async fn setup(&self) -> Visitor {
        let admin = self.visitor();
        admin.set_up_acme().await;
        admin
    }

    /// A person who joined with an allowed email domain, signed in.
    /// A person who joined through the join form with an allowed email domain and verified
    /// their address with the link mailed to them; signed in.
    pub async fn member(&self, name: &str, email: &str) -> Visitor {
        let person = self.visitor();
        person
            .call(
                "join",
                &[("name", name), ("email", email), ("password", PASSWORD)],
            )
            .await
            .expect("join succeeds");
        assert!(
            person.session_cookie().is_none(),
            "not signed in before verifying"
        );
        let link = self.link_mailed_to(email, "/verify").await;
        person.verify_with(&link).await;
        person
    }

    /// The newest link to `path` on this server in a message to `email`, waiting (a bounded
    /// number of times) for the message to arrive.
    pub async fn link_mailed_to(&self, email: &str, path: &str) -> String {
        let prefix = format!("{}{path}?", self.url);
        for _ in 0..200 {
            if let Some(link) = mailbox::newest_link(&self.mail, email, &prefix) {
                return link;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        panic!("no mail to {email} with a link to {path}");
    }
}

/// Someone made by a builder: their account, and their own browser, signed in.
pub struct Person {
    pub viewer: app::auth::Viewer,
    pub browser: Visitor,
}

impl std::ops::Deref for Person {
    type Target = Visitor;

    fn deref(&self) -> &Visitor {
        &self.browser
    }
}

impl Person {
    pub fn id(&self) -> i64 {
        self.viewer.id
    }
}

/// The stored hash of [`PASSWORD`], made once per test process.
async fn password_hash() -> String {
    static HASH: tokio::sync::OnceCell<String> = tokio::sync::OnceCell::const_new();
    HASH.get_or_init(|| async {
        app::auth::password::hash(PASSWORD.into())
            .await
            .expect("hash")
    })
    .await
    .clone()
}

/// Data builders: people and content made directly through the stores, the way the app makes
/// them, without a sign-up (and its Argon2 and rate limits) per person.
impl TestApp {
    /// A member called `name` (email `first.last@example.org`), signed in on their own browser.
    pub async fn person(&self, name: &str) -> Person {
        self.account(name, false).await
    }

    /// Sets the organization up, then makes a member called `name`.
    pub async fn person_after_setup(&self, name: &str) -> Person {
        self.setup().await;
        self.person(name).await
    }

    /// An administrator called `name`.
    pub async fn admin(&self, name: &str) -> Person {
        self.account(name, true).await
    }

    async fn account(&self, name: &str, is_admin: bool) -> Person {
        account_on(&self.state, &self.url, name, is_admin).await
    }

    /// A post by `author` for `audience`, published the way the app publishes one.
    pub async fn post_for(
        &self,
        author: &Person,
        audience: app::policy::Audience,
        body: &str,
    ) -> app::posts::model::PostView {
        let post = app::posts::api::Post::update(body, audience);
        app::posts::api::publish(&self.state, author.id(), post, None)
            .await
            .expect("post published")
    }
}

/// Starts a server on `database_url` in this test's runtime; returns its address and state.
async fn start_server(
    database_url: &str,
    adjust: impl FnOnce(&mut Config),
) -> (String, app::state::AppState) {
    let (commons, listener, url) = built(database_url, adjust).await;
    let state = commons.state.clone();
    tokio::spawn(server::serve(listener, commons, std::future::pending()));
    (url, state)
}

/// A server built on `database_url` and a listener for it, with its address.
async fn built(
    database_url: &str,
    adjust: impl FnOnce(&mut Config),
) -> (server::Commons, tokio::net::TcpListener, String) {
    let mut config = Config::for_database(database_url);
    // Builders write through the stores, around the requests that tell the kept pages and
    // sessions of a change; tests that change things only through requests turn them on
    // (`TestApp::spawn_keeping`).
    config.page_cache = 0;
    adjust(&mut config);
    let commons = server::build(&config).await.expect("server builds");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("address"));
    (commons, listener, url)
}

/// A member (or administrator) called `name` of the server at `url`, signed in on their own
/// browser.
pub async fn account_on(
    state: &app::state::AppState,
    url: &str,
    name: &str,
    is_admin: bool,
) -> Person {
    use app::auth::{session, store};
    let email = format!("{}@example.org", name.to_lowercase().replace(' ', "."));
    let account = store::NewAccount {
        name: name.into(),
        email,
        password_hash: password_hash().await,
        is_admin,
        verified: true,
    };
    let mut tx = app::db::begin_write(&state.db).await.expect("begin");
    let store::CreateAccount::Created(viewer) = store::create_account(&mut tx, account)
        .await
        .expect("account")
    else {
        panic!("{name} exists already");
    };
    app::people::store::index(&mut tx, viewer.id)
        .await
        .expect("indexed");
    let token = session::new_token();
    let hash = session::token_hash(&token);
    store::create_session(&mut tx, &hash, viewer.id, session::expires_at())
        .await
        .expect("session");
    tx.commit().await.expect("commit");
    Person {
        viewer,
        browser: Visitor::new(url).with_cookie(&token),
    }
}

/// A server in this test's runtime that the test stops, as SIGTERM would.
pub struct StoppableServer {
    pub url: String,
    pub state: app::state::AppState,
    stop: tokio::sync::oneshot::Sender<()>,
    serving: tokio::task::JoinHandle<std::io::Result<()>>,
}

impl StoppableServer {
    pub async fn start(database_url: &str, adjust: impl FnOnce(&mut Config)) -> StoppableServer {
        let (commons, listener, url) = built(database_url, adjust).await;
        let state = commons.state.clone();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let serving = tokio::spawn(server::serve(listener, commons, async {
            let _ = stopped.await;
        }));
        StoppableServer {
            url,
            state,
            stop,
            serving,
        }
    }

    /// Asks it to stop; whether it stopped (waiting at most 20 seconds, so a server that never
    /// does fails its test instead of hanging the suite).
    pub async fn stop(self) -> bool {
        let _ = self.stop.send(());
        let stopped = tokio::time::timeout(std::time::Duration::from_secs(20), self.serving).await;
        matches!(stopped, Ok(Ok(Ok(()))))
    }
}

/// One browser: a cookie jar, and requests that carry our own Origin like a browser's do.
pub struct Visitor {
    pub client: Client,
    pub url: String,
    jar: std::sync::Arc<reqwest::cookie::Jar>,
}

impl Visitor {
    pub fn new(url: &str) -> Visitor {
        Self::with_headers(url, header::HeaderMap::new())
    }

    /// A visitor whose requests say, in `X-Forwarded-For`, that they come from `ip` (as a
    /// reverse proxy would add, or as anyone can write).
    pub fn forwarded_for(url: &str, ip: &str) -> Visitor {
        let mut headers = header::HeaderMap::new();
        headers.insert("x-forwarded-for", ip.parse().expect("an address"));
        Self::with_headers(url, headers)
    }

    fn with_headers(url: &str, mut headers: header::HeaderMap) -> Visitor {
        headers.insert(header::ORIGIN, url.parse().expect("origin"));
        let jar = std::sync::Arc::new(reqwest::cookie::Jar::default());
        let client = Client::builder()
            .cookie_provider(jar.clone())
            .default_headers(headers)
            .redirect(reqwest::redirect::Policy::none())
            // A request the server never answers fails its test instead of hanging the suite.
            .timeout(std::time::Duration::from_secs(20))
            .build()
            .expect("client");
        Visitor {
            client,
            url: url.to_string(),
            jar,
        }
    }

    /// Sends `bytes` as the file `file_name` in the form field `field` to `path`, as a
    /// multipart form; `html` as a browser's plain form does (it expects a redirect), otherwise
    /// as a script does.
    pub async fn upload(
        &self,
        path: &str,
        field: &str,
        file_name: &str,
        bytes: &[u8],
        html: bool,
    ) -> Response {
        let boundary = "commons-test-7MA4YWxkTrZu0gW";
        let mut body = format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; \
             filename=\"{file_name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
        )
        .into_bytes();
        body.extend(bytes);
        body.extend(format!("\r\n--{boundary}--\r\n").as_bytes());
        let accept = if html {
            "text/html"
        } else {
            "application/json"
        };
        self.client
            .post(format!("{}{path}", self.url))
            .header(
                header::CONTENT_TYPE,
                format!("multipart/form-data; boundary={boundary}"),
            )
            .header(header::ACCEPT, accept)
            .body(body)
            .send()
            .await
            .expect("upload sent")
    }

    /// Sets up the organization "Acme" (allowing `example.org`) as Ada Admin.
    pub async fn set_up_acme(&self) {
        self.call("setup", &ACME_SETUP)
            .await
            .expect("setup succeeds");
    }

    /// Calls a server function the way the WebAssembly client does (form-encoded, JSON back).
    pub async fn call_as<T: DeserializeOwned>(
        &self,
        name: &str,
        form: &[(&str, &str)],
    ) -> Result<T, AppError> {
        let response = self
            .client
            .post(format!("{}/api/{name}", self.url))
            .header(header::ACCEPT, "application/json")
            .form(form)
            .send()
            .await
            .unwrap_or_else(|error| panic!("request failed: {error:?}"));
        decode(response).await
    }

    pub async fn call(&self, name: &str, form: &[(&str, &str)]) -> Result<(), AppError> {
        self.call_as::<()>(name, form).await
    }

    /// Calls a read-only server function with GET.
    pub async fn get_as<T: DeserializeOwned>(
        &self,
        name: &str,
        query: &[(&str, &str)],
    ) -> Result<T, AppError> {
        let response = self
            .client
            .get(format!("{}/api/{name}", self.url))
            .query(query)
            .send()
            .await
            .unwrap_or_else(|error| panic!("request failed: {error:?}"));
        decode(response).await
    }

    /// Submits a plain HTML form from `page`, as a browser without JavaScript does.
    pub async fn submit_form(&self, page: &str, name: &str, form: &[(&str, &str)]) -> Response {
        self.client
            .post(format!("{}/api/{name}", self.url))
            .header(header::ACCEPT, "text/html,application/xhtml+xml")
            .header(header::REFERER, format!("{}{page}", self.url))
            .form(form)
            .send()
            .await
            .unwrap_or_else(|error| panic!("request failed: {error:?}"))
    }

    /// GETs a page and returns its status and HTML.
    pub async fn page(&self, path: &str) -> (StatusCode, String) {
        let response = self
            .client
            .get(format!("{}{path}", self.url))
            .header(header::ACCEPT, "text/html,application/xhtml+xml")
            .send()
            .await
            .unwrap_or_else(|error| panic!("request failed: {error:?}"));
        let status = response.status();
        (status, response.text().await.unwrap_or_default())
    }

    /// Opens a page as a browser does, parsed.
    pub async fn open(&self, path: &str) -> crate::html::Page {
        let (status, body) = self.page(path).await;
        crate::html::Page::parse(status, &body)
    }

    /// Calls a server function by its typed arguments, as the WebAssembly client does (a
    /// form-encoded POST, JSON back).
    pub async fn run<F>(&self, call: F) -> Result<F::Output, AppError>
    where
        F: ServerFn + serde::Serialize,
        F::Output: DeserializeOwned,
    {
        let response = self
            .client
            .post(format!("{}{}", self.url, F::PATH))
            .header(header::ACCEPT, "application/json")
            .form(&call)
            .send()
            .await
            .unwrap_or_else(|error| panic!("request failed: {error:?}"));
        decode(response).await
    }

    /// Calls a read-only (GET) server function by its typed arguments.
    pub async fn read<F>(&self, call: F) -> Result<F::Output, AppError>
    where
        F: ServerFn + serde::Serialize,
        F::Output: DeserializeOwned,
    {
        let response = self
            .client
            .get(format!("{}{}", self.url, F::PATH))
            .query(&call)
            .send()
            .await
            .unwrap_or_else(|error| panic!("request failed: {error:?}"));
        decode(response).await
    }

    pub async fn post(&self, body: &str) -> app::posts::model::PostView {
        let call = CreatePost {
            body: body.into(),
            audience: None,
            kind: None,
            title: String::new(),
            idempotency_key: None,
        };
        self.run(call).await.expect("post created")
    }

    pub async fn feed(&self, before: Option<i64>) -> Result<app::posts::model::FeedPage, AppError> {
        self.read(HomeFeed { before }).await
    }

    pub async fn session(&self) -> app::auth::SessionInfo {
        self.get_as("session_info", &[])
            .await
            .expect("session info")
    }

    /// The session cookie this browser holds, if any.
    pub fn session_cookie(&self) -> Option<String> {
        use reqwest::cookie::CookieStore;
        let cookies = self.jar.cookies(&self.url.parse().ok()?)?;
        cookies
            .to_str()
            .ok()?
            .split("; ")
            .find_map(|pair| pair.strip_prefix("commons_session="))
            .map(str::to_string)
    }

    /// Opens the live stream as our own page does (session cookie, our Origin), asking for what
    /// happened after event `after`.
    pub async fn open_live(&self, after: Option<i64>) -> Result<LiveSocket, LiveRefusal> {
        self.open_live_from(&self.url, after).await
    }

    /// Opens the live stream as a page on `origin` would.
    pub async fn open_live_from(
        &self,
        origin: &str,
        after: Option<i64>,
    ) -> Result<LiveSocket, LiveRefusal> {
        use tokio_tungstenite::tungstenite::{client::IntoClientRequest, Error};
        let query = after.map(|a| format!("?after={a}")).unwrap_or_default();
        let address = self.url.strip_prefix("http://").expect("http url");
        let mut request = format!("ws://{address}/events{query}")
            .into_client_request()
            .expect("request");
        let headers = request.headers_mut();
        headers.insert("origin", origin.parse().expect("origin"));
        if let Some(token) = self.session_cookie() {
            let cookie = format!("commons_session={token}");
            headers.insert("cookie", cookie.parse().expect("cookie"));
        }
        let tcp = tokio::net::TcpStream::connect(address)
            .await
            .expect("connect");
        match tokio_tungstenite::client_async(request, tcp).await {
            Ok((socket, _)) => Ok(LiveSocket {
                socket,
                waiting: Default::default(),
            }),
            Err(Error::Http(response)) => Err(LiveRefusal {
                status: response.status().as_u16(),
                body: String::from_utf8_lossy(response.body().as_deref().unwrap_or_default())
                    .into_owned(),
            }),
            Err(error) => panic!("live stream handshake failed: {error}"),
        }
    }

    /// Opens a verification link as a person does: the page, then its one button.
    pub async fn verify_with(&self, link: &str) {
        let path = link.strip_prefix(&self.url).expect("a link to this server");
        let page = self.open(path).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.has_button("Verify email"), "the page asks to confirm");
        let token = mailbox::query_value(link, "token").expect("a token");
        self.run(app::auth::email_api::VerifyEmail { token })
            .await
            .expect("the link verifies");
    }

    /// Sends requests with the session cookie of another browser (as a thief would).
    pub fn with_cookie(&self, token: &str) -> Visitor {
        let visitor = Visitor::new(&self.url);
        let url = self.url.parse().expect("url");
        visitor
            .jar
            .add_cookie_str(&format!("commons_session={token}"), &url);
        visitor
    }
}

async fn decode<T: DeserializeOwned>(response: Response) -> Result<T, AppError> {
    let status = response.status();
    let text = response.text().await.unwrap_or_default();
    if status.is_success() {
        Ok(serde_json::from_str(&text).unwrap_or_else(|e| panic!("bad body {text:?}: {e}")))
    } else {
        Err(serde_json::from_str(&text)
            .unwrap_or_else(|_| AppError::Transport(format!("{status}: {text}"))))
    }
}

/// Where a response redirects to (empty when it does not).
pub fn location(response: &Response) -> String {
    response
        .headers()
        .get(header::LOCATION)
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default()
}

/// An open live stream, as a browser's WebSocket sees it.
pub struct LiveSocket {
    pub socket: tokio_tungstenite::WebSocketStream<tokio::net::TcpStream>,
    /// Events that came in a message with those asked for, kept for the next ask.
    waiting: std::collections::VecDeque<app::events::Envelope>,
}

/// The server's answer when it refuses to open a live stream.
#[derive(Debug)]
pub struct LiveRefusal {
    pub status: u16,
    pub body: String,
}

impl LiveSocket {
    /// The next message, or None when the server closed the stream.
    pub async fn next_message(&mut self) -> Option<tokio_tungstenite::tungstenite::Message> {
        use futures::StreamExt;
        let next = tokio::time::timeout(std::time::Duration::from_secs(10), self.socket.next());
        next.await.expect("the server answers in time")?.ok()
    }

    /// The code of the close frame the server sends next (panics on anything else).
    pub async fn close_code(&mut self) -> u16 {
        use tokio_tungstenite::tungstenite::Message;
        match self.next_message().await {
            Some(Message::Close(Some(frame))) => u16::from(frame.code),
            other => panic!("expected a close frame, got {other:?}"),
        }
    }

    /// The next `count` events.
    pub async fn events(&mut self, count: usize) -> Vec<app::events::Envelope> {
        let more = count.saturating_sub(self.waiting.len());
        let messages = self.messages(more).await;
        self.waiting.extend(messages.into_iter().flatten());
        self.waiting.drain(..count).collect()
    }

    /// Reads messages until `count` more events arrived, as the messages that held them (a
    /// stream gathers what happens while it rests into one message).
    pub async fn messages(&mut self, count: usize) -> Vec<Vec<app::events::Envelope>> {
        use tokio_tungstenite::tungstenite::Message;
        let mut messages: Vec<Vec<app::events::Envelope>> = Vec::new();
        while messages.iter().map(Vec::len).sum::<usize>() < count {
            match self.next_message().await.expect("the stream is still open") {
                Message::Text(text) => {
                    let events: Vec<_> = app::events::Envelope::parse_all(&text).collect();
                    assert!(!events.is_empty(), "an event in {text:?}");
                    messages.push(events);
                }
                Message::Ping(_) | Message::Pong(_) => {}
                other => panic!("unexpected message {other:?}"),
            }
        }
        messages
    }

    /// Reads until `count` events arrived, which must all be new posts; returns the posts' ids.
    pub async fn post_ids(&mut self, count: usize) -> Vec<i64> {
        self.events(count)
            .await
            .iter()
            .map(|event| {
                let PostCreated(post) = event.decode().expect("a new post");
                post.id
            })
            .collect()
    }
}

/// A port nobody listens on now.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A running `commons` process, killed when dropped (so a failing test leaves none behind).
pub struct Process(pub std::process::Child);

impl std::ops::Deref for Process {
    type Target = std::process::Child;

    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl std::ops::DerefMut for Process {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.0
    }
}

impl Drop for Process {
    fn drop(&mut self) {
        if let Ok(None) = self.0.try_wait() {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
}

/// Starts the real `commons` binary on `database_url` and waits until it is healthy.
pub async fn start_process(database_url: &str, port: u16) -> Process {
    use std::process::{Command, Stdio};
    use std::time::Duration;
    let mut child = Command::new(env!("CARGO_BIN_EXE_commons"))
        .args([
            "--bind",
            &format!("127.0.0.1:{port}"),
            "--database-url",
            database_url,
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("commons starts");
    let health = format!("http://127.0.0.1:{port}/healthz");
    for _ in 0..200 {
        if let Ok(response) = reqwest::get(&health).await {
            if response.status().is_success() {
                return Process(child);
            }
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let _ = child.kill();
    let _ = child.wait();
    panic!("commons did not become healthy");
}

/// The nonce a Content-Security-Policy header allows scripts by.
pub fn csp_nonce(csp: &str) -> String {
    csp.split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .expect("a nonce in the CSP")
        .to_string()
}
