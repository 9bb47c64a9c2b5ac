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
    assert_eq!(stream.post_ids(1).await, vec![post.id]);
}

/// With an allowance of four messages a second (two at once), the stream soon rests a quarter
/// of a second after each message, and what was posted meanwhile goes out together.
#[tokio::test]
async fn a_burst_of_posts_arrives_once_each_and_in_order_however_it_is_gathered() {
    let app = TestApp::spawn_with(|config| config.live_messages_per_second = 4).await;
    let ada = app.setup().await;
    let mut stream = ada.open_live(None).await.expect("stream opens");

    let mut made = Vec::new();
    for n in 0..30 {
        made.push(ada.post(&format!("burst {n}")).await.id);
    }
    let messages = stream.messages(made.len()).await;
    let received: Vec<i64> = messages
        .iter()
        .flatten()
        .map(|event| {
            let app::posts::model::PostCreated(post) = event.decode().expect("a post");
            post.id
        })
        .collect();
    assert_eq!(received, made, "every post, once, in order");
    assert!(
        messages.len() < made.len(),
        "the stream rested and gathered: {} messages for {} posts",
        messages.len(),
        made.len()
    );
}

#[tokio::test]
async fn a_reconnecting_client_gets_what_it_missed_in_order() {
    let app = TestApp::spawn().await;
    let ada = app.setup().await;
    ada.post("seen before the drop").await;
    let seen = ada.feed(None).await.unwrap().live_after;
    let missed: Vec<i64> = [
        ada.post("missed one").await.id,
        ada.post("missed two").await.id,
    ]
    .to_vec();
    let mut stream = ada.open_live(Some(seen)).await.expect("stream opens");
    assert_eq!(stream.post_ids(2).await, missed);
    let next = ada.post("live again").await;
    assert_eq!(stream.post_ids(1).await, vec![next.id]);
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
    assert_eq!(refusal.body, "Please sign in to follow live updates.");
    // The same request with Ada's session would have carried the post.
    let mut allowed = ada.open_live(Some(0)).await.expect("stream opens");
    assert_eq!(allowed.post_ids(1).await.len(), 1);
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
    assert_eq!(
        refusal.body,
        "Live updates are only available to Commons' own pages."
    );
    let mut allowed = ada.open_live(Some(0)).await.expect("our own page may");
    assert_eq!(allowed.post_ids(1).await.len(), 1);
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
        .socket
        .send(Message::Ping(b"still there?"[..].into()))
        .await
        .unwrap();
    assert_eq!(
        stream.next_message().await,
        Some(Message::Pong(b"still there?"[..].into()))
    );
    stream.socket.close(None).await.unwrap();
    // The server answers the close, and the stream ends.
    assert!(matches!(
        stream.next_message().await,
        Some(Message::Close(_))
    ));
    assert_eq!(stream.next_message().await, None);
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
    assert_eq!(bob_stream.post_ids(1).await, vec![post.id]);
}

#[tokio::test]
async fn two_hundred_posts_written_at_once_all_reach_an_open_page_in_order() {
    use futures::StreamExt;
    let app = TestApp::spawn().await;
    app.setup().await;
    let watcher = app.person("Wendy Watcher").await;
    let mut stream = watcher.open_live(None).await.expect("stream opens");
    let mut writers = Vec::new();
    for name in ["Ann One", "Ben Two", "Cat Three", "Dan Four", "Eve Five"] {
        writers.push(app.person(name).await);
    }

    // Five people post 40 updates each, 16 requests in flight at any time.
    let posts: Vec<(usize, usize)> = (0..40)
        .flat_map(|n| (0..writers.len()).map(move |w| (w, n)))
        .collect();
    let made: Vec<i64> = futures::stream::iter(posts)
        .map(|(w, n)| {
            let writer = &writers[w];
            async move { writer.post(&format!("update {n} from writer {w}")).await.id }
        })
        .buffer_unordered(16)
        .collect()
        .await;

    let events = stream.events(made.len()).await;
    let seqs: Vec<i64> = events.iter().map(|e| e.seq).collect();
    assert!(
        seqs.windows(2).all(|w| w[0] < w[1]),
        "events arrive in log order"
    );
    let mut received: Vec<i64> = events
        .iter()
        .map(|e| {
            e.decode::<app::posts::model::PostCreated>()
                .expect("a post")
                .0
                .id
        })
        .collect();
    let mut made = made;
    received.sort_unstable();
    made.sort_unstable();
    assert_eq!(received, made, "every post arrived exactly once");
}

#[tokio::test]
async fn a_post_made_on_one_process_arrives_live_on_a_page_served_by_another() {
    let app = TestApp::spawn().await;
    app.setup().await;
    let ada = app.person("Ada Reader").await;
    let bob = app.person("Bob Writer").await;
    let port = free_port();
    let _other = start_process(&app.db.url, port).await;
    let ada_elsewhere = Visitor::new(&format!("http://127.0.0.1:{port}"))
        .with_cookie(&ada.session_cookie().expect("cookie"));
    let mut stream = ada_elsewhere.open_live(None).await.expect("stream opens");

    let post = bob.post("written on the first process").await;
    assert_eq!(stream.post_ids(1).await, vec![post.id]);
}
