//! The real `commons` binary: acknowledged writes survive kill -9, sessions survive a restart,
//! and SIGTERM stops it cleanly even with live streams open.
use crate::support::*;
use std::process::Command;
use std::time::Duration;

#[tokio::test]
async fn an_acknowledged_post_survives_kill_dash_nine() {
    let db = TestDb::new().await;
    let port = free_port();
    let mut server = start_process(&db.url, port).await;
    let url = format!("http://127.0.0.1:{port}");
    let ada = Visitor::new(&url);
    ada.set_up_acme().await;
    let post = ada.post("written just before the crash").await;
    server.kill().expect("SIGKILL"); // std's kill is SIGKILL on Unix
    server.wait().unwrap();

    let mut server = start_process(&db.url, port).await;
    let feed = ada
        .feed(None)
        .await
        .expect("the session survived the restart");
    assert_eq!(feed.posts.first().map(|p| p.id), Some(post.id));
    server.kill().unwrap();
    server.wait().unwrap();
}

#[tokio::test]
async fn sigterm_stops_the_server_even_with_a_live_stream_open() {
    let db = TestDb::new().await;
    let port = free_port();
    let mut server = start_process(&db.url, port).await;
    let ada = Visitor::new(&format!("http://127.0.0.1:{port}"));
    ada.set_up_acme().await;
    let mut stream = ada.open_live(None).await.expect("stream opens");

    let status = Command::new("kill")
        .args(["-TERM", &server.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let mut exited = None;
    for _ in 0..100 {
        if let Some(code) = server.try_wait().unwrap() {
            exited = Some(code);
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let code = exited.expect("the server stopped after SIGTERM");
    assert!(code.success(), "clean exit: {code}");
    // The stream was told the server is going away (so the page reconnects), not cut off.
    assert_eq!(stream.close_code().await, 1001);
}
