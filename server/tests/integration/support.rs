//! The test harness: a real Commons server on a real database (SQLite by default, PostgreSQL when
//! TEST_DATABASE_URL is a postgres:// URL), driven over real HTTP the way a browser form or the
//! WebAssembly client drives it. Tests read like user stories: `app.setup()`, `ada.post(..)`.
use app::error::AppError;
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
    pub db: TestDb,
}

impl TestApp {
    pub async fn spawn() -> TestApp {
        Self::spawn_with(|_| {}).await
    }

    pub async fn spawn_with(adjust: impl FnOnce(&mut Config)) -> TestApp {
        let db = TestDb::new().await;
        let url = start_server(&db.url, adjust).await;
        TestApp { url, db }
    }

    /// The address of another Commons process on the same database, as behind a load balancer.
    pub async fn another_process(&self) -> String {
        start_server(&self.db.url, |_| {}).await
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
    pub async fn member(&self, name: &str, email: &str) -> Visitor {
        let person = self.visitor();
        person
            .call(
                "join",
                &[("name", name), ("email", email), ("password", PASSWORD)],
            )
            .await
            .expect("join succeeds");
        person
    }
}

/// Starts a server on `database_url` in this test's runtime; returns its address.
async fn start_server(database_url: &str, adjust: impl FnOnce(&mut Config)) -> String {
    let mut config = Config::for_database(database_url);
    adjust(&mut config);
    let commons = server::build(&config).await.expect("server builds");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("address"));
    tokio::spawn(server::serve(listener, commons, std::future::pending()));
    url
}

/// One browser: a cookie jar, and requests that carry our own Origin like a browser's do.
pub struct Visitor {
    pub client: Client,
    pub url: String,
    jar: std::sync::Arc<reqwest::cookie::Jar>,
}

impl Visitor {
    pub fn new(url: &str) -> Visitor {
        let mut headers = header::HeaderMap::new();
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

    pub async fn post(&self, body: &str) -> app::posts::model::PostView {
        self.call_as("create_post", &[("body", body)])
            .await
            .expect("post created")
    }

    pub async fn feed(&self, before: Option<i64>) -> Result<app::posts::model::FeedPage, AppError> {
        match before {
            Some(before) => {
                self.get_as("home_feed", &[("before", &before.to_string())])
                    .await
            }
            None => self.get_as("home_feed", &[]).await,
        }
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
            Ok((socket, _)) => Ok(LiveSocket(socket)),
            Err(Error::Http(response)) => Err(LiveRefusal {
                status: response.status().as_u16(),
                body: String::from_utf8_lossy(response.body().as_deref().unwrap_or_default())
                    .into_owned(),
            }),
            Err(error) => panic!("live stream handshake failed: {error}"),
        }
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

/// An open live stream, as a browser's WebSocket sees it.
pub struct LiveSocket(pub tokio_tungstenite::WebSocketStream<tokio::net::TcpStream>);

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
        let next = tokio::time::timeout(std::time::Duration::from_secs(10), self.0.next());
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

    /// Reads until `count` events arrived; returns their ids.
    pub async fn event_ids(&mut self, count: usize) -> Vec<i64> {
        use tokio_tungstenite::tungstenite::Message;
        let mut ids = Vec::new();
        while ids.len() < count {
            match self.next_message().await.expect("the stream is still open") {
                Message::Text(text) => {
                    let event: app::live::LiveEvent =
                        serde_json::from_str(&text).expect("an event");
                    ids.push(event.id());
                }
                Message::Ping(_) | Message::Pong(_) => {}
                other => panic!("unexpected message {other:?}"),
            }
        }
        ids
    }
}
