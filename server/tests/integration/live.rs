//! The live stream (`/events`, a WebSocket): members get new posts as they happen, a reconnecting
//! client gets what it missed, and strangers and other sites get nothing.
use crate::support::*;
use tokio_tungstenite::tungstenite::Message;

#[tokio::test]
async fn members_see_new_posts_as_they_happen() {
    let app = TestApp::spawn().await;
    let ada = app.setup().await;
    let bob = app.member("Bob", "bob@example.org").await;
    let mut stream = ada.open_live(None).await.expect("stream opens");

    let post = bob.post("live from Bob").await;
    assert_eq!(stream.event_ids(1).await, vec![post.id]);
}

#[tokio::test]
async fn a_reconnecting_client_gets_what_it_missed_in_order() {
    let app = TestApp::spawn().await;
    let ada = app.setup().await;
    let seen = ada.post("seen before the drop").await;
    let missed: Vec<i64> = [
        ada.post("missed one").await.id,
        ada.post("missed two").await.id,
    ]
    .to_vec();
    let mut stream = ada.open_live(Some(seen.id)).await.expect("stream opens");
    assert_eq!(stream.event_ids(2).await, missed);
    let next = ada.post("live again").await;
    assert_eq!(stream.event_ids(1).await, vec![next.id]);
}

#[tokio::test]
async fn strangers_get_no_stream() {
    let app = TestApp::spawn().await;
    let ada = app.setup().await;
    ada.post("members only").await;
    let refusal = app
        .visitor()
        .open_live(Some(0))
        .await
        .err()
        .expect("refused");
    assert_eq!(refusal.status, 401);
    assert!(!refusal.body.contains("members only"));
}

#[tokio::test]
async fn another_site_cannot_open_a_members_stream() {
    // The browser would send Ada's cookie along with a page on another site's handshake.
    let app = TestApp::spawn().await;
    let ada = app.setup().await;
    ada.post("members only").await;
    let refusal = ada
        .open_live_from("https://evil.example", Some(0))
        .await
        .err()
        .expect("refused");
    assert_eq!(refusal.status, 403);
    assert!(!refusal.body.contains("members only"));
}

#[tokio::test]
async fn a_plain_request_is_told_to_upgrade() {
    let app = TestApp::spawn().await;
    let ada = app.setup().await;
    let response = ada
        .client
        .get(format!("{}/events", ada.url))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 426);
    assert_eq!(response.headers()["upgrade"], "websocket");
}

#[tokio::test]
async fn the_server_answers_pings_and_a_client_can_leave() {
    use futures::SinkExt;
    let app = TestApp::spawn().await;
    let ada = app.setup().await;
    let mut stream = ada.open_live(None).await.expect("stream opens");
    stream
        .0
        .send(Message::Ping(b"still there?"[..].into()))
        .await
        .unwrap();
    assert_eq!(
        stream.next_message().await,
        Some(Message::Pong(b"still there?"[..].into()))
    );
    stream.0.close(None).await.unwrap();
    // The server answers the close, and the stream ends.
    assert!(matches!(
        stream.next_message().await,
        Some(Message::Close(_)) | None
    ));
}

#[tokio::test]
async fn signing_out_closes_that_sessions_stream_only() {
    let app = TestApp::spawn().await;
    let ada = app.setup().await;
    let bob = app.member("Bob", "bob@example.org").await;
    let mut ada_stream = ada.open_live(None).await.expect("stream opens");
    let mut bob_stream = bob.open_live(None).await.expect("stream opens");

    ada.call("sign_out", &[]).await.unwrap();
    assert_eq!(ada_stream.close_code().await, 1008);

    let post = bob.post("Bob is still live").await;
    assert_eq!(bob_stream.event_ids(1).await, vec![post.id]);
}
