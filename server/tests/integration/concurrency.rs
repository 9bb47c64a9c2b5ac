//! Servers built and pages rendered at the same time in one process. Leptos switches resource
//! loading off process-wide while it renders the app to find its routes, and a page whose
//! resource started in that moment never finished (about 1 full run of this suite in 20 hung).
//! This test reproduced that before the route list was made once per process.
use crate::support::*;
use server::config::Config;
use std::thread;

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

#[test]
fn pages_render_while_other_servers_are_being_built() {
    // A signed-in home page, served from its own thread and runtime, as tests do.
    let (ready_tx, ready_rx) = std::sync::mpsc::channel();
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    let server = thread::spawn(move || {
        runtime().block_on(async {
            let app = TestApp::spawn().await;
            let ada = app.setup().await;
            let cookie = ada.session_cookie().expect("signed in");
            ready_tx.send((app.url.clone(), cookie)).unwrap();
            let _ = stop_rx.await;
        })
    });
    let (url, cookie): (String, String) = ready_rx.recv().unwrap();

    let builders = (0..2).map(|_| {
        thread::spawn(|| {
            runtime().block_on(async {
                let db = TestDb::new().await;
                for _ in 0..25 {
                    server::build(&Config::for_database(&db.url))
                        .await
                        .expect("server builds");
                }
            })
        })
    });
    let readers = (0..3).map(|_| {
        let (url, cookie) = (url.clone(), cookie.clone());
        thread::spawn(move || {
            runtime().block_on(async {
                let ada = Visitor::new(&url).with_cookie(&cookie);
                for _ in 0..60 {
                    // A request that is never answered fails here after the client's timeout.
                    let page = ada.open("/").await;
                    assert_eq!(page.status, 200);
                    assert!(page.has_region("Home feed"), "the feed rendered");
                }
            })
        })
    });
    let threads: Vec<_> = builders.chain(readers).collect();
    for thread in threads {
        thread.join().expect("every page was answered");
    }
    stop_tx.send(()).unwrap();
    server.join().unwrap();
}
