//! The live stream (`GET /events`): members get new posts as they happen, a reconnecting client
//! gets what it missed, and strangers get nothing.
use crate::support::*;
use std::time::Duration;

/// Reads SSE frames from a streaming response until `count` post events arrived; returns their ids.
async fn read_post_ids(response: &mut reqwest::Response, count: usize) -> Vec<i64> {
    let mut buffer = String::new();
    let mut ids = Vec::new();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    while ids.len() < count {
        let chunk = tokio::time::timeout_at(deadline, response.chunk())
            .await
            .expect("events arrive")
            .expect("stream readable")
            .expect("stream still open");
        buffer.push_str(&String::from_utf8_lossy(&chunk));
        while let Some(end) = buffer.find("\n\n") {
            let frame: String = buffer.drain(..end + 2).collect();
            if frame.lines().any(|l| l == "event: post") {
                let id = frame
                    .lines()
                    .find_map(|l| l.strip_prefix("id: "))
                    .expect("event id");
                ids.push(id.parse().unwrap());
            }
        }
    }
    ids
}

async fn open_stream(visitor: &Visitor, last_event_id: Option<i64>) -> reqwest::Response {
    let mut request = visitor.client.get(format!("{}/events", visitor.url));
    if let Some(id) = last_event_id {
        request = request.header("last-event-id", id.to_string());
    }
    request.send().await.unwrap()
}

#[tokio::test]
async fn members_see_new_posts_as_they_happen() {
    let app = TestApp::spawn().await;
    let ada = app.setup().await;
    let bob = app.member("Bob", "bob@example.org").await;
    let mut stream = open_stream(&ada, None).await;
    assert_eq!(stream.status(), 200);
    assert_eq!(stream.headers()["content-type"], "text/event-stream");

    let post = bob.post("live from Bob").await;
    assert_eq!(read_post_ids(&mut stream, 1).await, vec![post.id]);
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
    let mut stream = open_stream(&ada, Some(seen.id)).await;
    assert_eq!(read_post_ids(&mut stream, 2).await, missed);
    let next = ada.post("live again").await;
    assert_eq!(read_post_ids(&mut stream, 1).await, vec![next.id]);
}

#[tokio::test]
async fn strangers_get_no_stream() {
    let app = TestApp::spawn().await;
    let ada = app.setup().await;
    ada.post("members only").await;
    let response = open_stream(&app.visitor(), Some(0)).await;
    assert_eq!(response.status(), 401);
    assert!(!response.text().await.unwrap().contains("members only"));
}
