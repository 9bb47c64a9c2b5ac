//! The real `commons` binary: acknowledged writes survive kill -9, sessions survive a restart,
//! SIGTERM stops it cleanly even with live streams open, and a stop waits for a request in
//! flight only so long.
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
async fn an_acknowledged_edit_and_its_history_survive_kill_dash_nine() {
    use app::conversations::model::Item;
    use app::revisions::api::{EditItem, ItemHistory};
    let db = TestDb::new().await;
    let port = free_port();
    let mut server = start_process(&db.url, port).await;
    let url = format!("http://127.0.0.1:{port}");
    let ada = Visitor::new(&url);
    ada.set_up_acme().await;
    let post = ada.post("before the edit").await;
    let item = Item::post(post.id).key();
    let edit = EditItem {
        item: item.clone(),
        body: "after the edit".into(),
        base: None,
        idempotency_key: None,
    };
    ada.run(edit).await.expect("the edit is acknowledged");
    server.kill().expect("SIGKILL");
    server.wait().unwrap();

    let mut server = start_process(&db.url, port).await;
    let history = ada
        .read(ItemHistory { item, before: None })
        .await
        .expect("the history survived the restart");
    let texts: Vec<String> = history
        .revisions
        .iter()
        .flat_map(|r| r.diff.iter().map(|part| part.text.clone()))
        .collect();
    assert_eq!(history.revisions.len(), 2);
    assert!(texts.contains(&"after".to_string()), "{texts:?}");
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

#[tokio::test]
async fn a_stop_ends_even_while_an_upload_is_still_arriving() {
    let db = TestDb::new().await;
    let media = std::env::temp_dir().join(format!("commons-drain-{:016x}", rand::random::<u64>()));
    let media_dir = media.clone();
    let server = StoppableServer::start(&db.url, move |config| {
        config.media_dir = media_dir;
        config.request_timeout = Duration::from_millis(300);
    })
    .await;
    let ada = account_on(&server.state, &server.url, "Ada Admin", true).await;
    let token = ada.session_cookie().expect("signed in");
    let address = server.url.trim_start_matches("http://").to_string();
    // A photo upload from a phone that has sent its first bytes and then goes quiet: uploads
    // may take minutes, so the request stays in flight.
    let mut phone = tokio::net::TcpStream::connect(&address)
        .await
        .expect("connects");
    let head = format!(
        "POST /people/{}/photo HTTP/1.1\r\nHost: {address}\r\nOrigin: {}\r\n\
         Cookie: commons_session={token}\r\nContent-Type: multipart/form-data; boundary=b\r\n\
         Content-Length: 1000000\r\n\r\n--b\r\nContent-Disposition: form-data; name=\"photo\"; \
         filename=\"me.jpg\"\r\n\r\nthe first bytes of a photo",
        ada.viewer.handle, server.url
    );
    tokio::io::AsyncWriteExt::write_all(&mut phone, head.as_bytes())
        .await
        .expect("sent");
    let incoming = media.join("incoming");
    let mut arriving = false;
    for _ in 0..100 {
        arriving = std::fs::read_dir(&incoming).is_ok_and(|mut d| d.next().is_some());
        if arriving {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(arriving, "the upload reached the server");
    assert!(
        server.stop().await,
        "the server did not stop while an upload was still arriving"
    );
    let _ = std::fs::remove_dir_all(&media);
}
