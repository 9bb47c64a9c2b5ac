//! Acknowledged writes survive kill -9, and sessions survive a restart: the real `commons` binary.
use crate::support::*;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

async fn start(database_url: &str, port: u16) -> Child {
    let child = Command::new(env!("CARGO_BIN_EXE_commons"))
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
                return child;
            }
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("commons did not become healthy");
}

#[tokio::test]
async fn an_acknowledged_post_survives_kill_dash_nine() {
    let db = TestDb::new().await;
    let port = free_port();
    let mut server = start(&db.url, port).await;
    let url = format!("http://127.0.0.1:{port}");
    let ada = Visitor::new(&url);
    ada.call(
        "setup",
        &[
            ("organization", "Acme"),
            ("domains", "example.org"),
            ("name", "Ada"),
            ("email", "ada@example.org"),
            ("password", PASSWORD),
        ],
    )
    .await
    .unwrap();
    let post = ada.post("written just before the crash").await;
    server.kill().expect("SIGKILL"); // std's kill is SIGKILL on Unix
    server.wait().unwrap();

    let mut server = start(&db.url, port).await;
    let feed = ada
        .feed(None)
        .await
        .expect("the session survived the restart");
    assert_eq!(feed.posts.first().map(|p| p.id), Some(post.id));
    server.kill().unwrap();
    server.wait().unwrap();
}
