//! Holds N live streams open for `scripts/bench.sh` (idle streams, and the mixed load's open
//! streams), reading and discarding what the server sends, until stdin closes:
//!
//!     hold_streams BASE_URL SESSION_TOKEN N      (prints "OPEN n" once they are open)
//!
//! The benchmark's clients share the server's two cores. The Node client this replaces spent
//! about 25 µs of CPU on each message it read (a fifth of a core at 8,000 messages a second),
//! time a browser spends on its own machine; this one takes a few, so the mixed load measures
//! what the streams cost the server rather than the load generator. Like a browser it answers
//! the server's pings. It reads frames by hand rather than with tokio-tungstenite (which the
//! tests use) so that a message costs no allocation or UTF-8 check here.
use std::{
    io::Read,
    net::SocketAddr,
    sync::atomic::{AtomicU64, Ordering},
    time::{Instant, SystemTime, UNIX_EPOCH},
};
use tokio::{
    io::{AsyncReadExt, AsyncWriteExt},
    net::TcpStream,
};

/// Streams are opened this many at a time, so the server's listen backlog keeps up.
const OPEN_AT_ONCE: usize = 200;
const OPCODE_CLOSE: u8 = 0x8;
const OPCODE_PING: u8 = 0x9;
const OPCODE_PONG: u8 = 0xa;

/// Messages (text frames) read from every stream since they were all open.
static MESSAGES: AtomicU64 = AtomicU64::new(0);

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [base, token, count] = args.as_slice() else {
        eprintln!("usage: hold_streams BASE_URL SESSION_TOKEN N");
        std::process::exit(2);
    };
    let address: SocketAddr = base
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .parse()
        .expect("BASE_URL is http://IP:PORT");
    let count: usize = count.parse().expect("N is a number");
    let request = format!(
        "GET /events HTTP/1.1\r\nHost: {address}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\
         Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: {}\r\nOrigin: {base}\r\n\
         Cookie: commons_session={token}\r\n\r\n",
        "Y29tbW9ucy1iZW5jaC1rZXk=",
    );
    // One thread, as a Node client has: the load generator should take as little of the shared
    // cores as it can.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    runtime.block_on(async move {
        let mut opened = 0;
        let mut pending = Vec::with_capacity(OPEN_AT_ONCE);
        for started in 0..count {
            pending.push(tokio::spawn(open(address, request.clone())));
            if pending.len() == OPEN_AT_ONCE || started + 1 == count {
                for stream in pending.drain(..) {
                    if let Ok(Ok(stream)) = stream.await {
                        opened += 1;
                        tokio::spawn(hold(stream));
                    }
                }
            }
        }
        println!("OPEN {opened}");
        let held = Instant::now();
        MESSAGES.store(0, Ordering::Relaxed);
        // Until stdin closes (the benchmark closes it to end the run).
        tokio::task::spawn_blocking(|| std::io::stdin().read_to_end(&mut Vec::new()))
            .await
            .ok();
        let messages = MESSAGES.load(Ordering::Relaxed);
        let per_second = messages as f64 / held.elapsed().as_secs_f64();
        println!("READ {messages} messages, {per_second:.0} a second");
    });
    // Dropping the runtime would wait for nothing useful; the sockets close with the process.
    std::process::exit(0);
}

/// Opens one stream: the upgrade request, then its answer up to the end of the headers.
async fn open(address: SocketAddr, request: String) -> std::io::Result<TcpStream> {
    let mut stream = TcpStream::connect(address).await?;
    stream.write_all(request.as_bytes()).await?;
    let mut answer = Vec::new();
    let mut byte = [0u8; 1];
    // Byte by byte so nothing after the headers is taken; it happens once per stream.
    while !answer.ends_with(b"\r\n\r\n") {
        if stream.read(&mut byte).await? == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        answer.push(byte[0]);
    }
    if !answer.starts_with(b"HTTP/1.1 101") {
        let status = String::from_utf8_lossy(&answer);
        let status = status.lines().next().unwrap_or_default().to_owned();
        return Err(std::io::Error::other(format!(
            "live stream answered {status}"
        )));
    }
    Ok(stream)
}

/// Reads the server's frames until it closes, answering pings.
async fn hold(mut stream: TcpStream) -> std::io::Result<()> {
    let mut buffer = Vec::with_capacity(4096);
    let mut chunk = [0u8; 4096];
    loop {
        let read = stream.read(&mut chunk).await?;
        if read == 0 {
            return Ok(());
        }
        buffer.extend_from_slice(&chunk[..read]);
        let mut start = 0;
        while let Some((opcode, payload, end)) = next_frame(&buffer[start..]) {
            match opcode {
                OPCODE_PING => {
                    let pong = client_frame(OPCODE_PONG, &buffer[start..][payload]);
                    stream.write_all(&pong).await?;
                }
                OPCODE_CLOSE => return Ok(()),
                _ => {
                    MESSAGES.fetch_add(1, Ordering::Relaxed);
                }
            }
            start += end;
        }
        buffer.drain(..start);
    }
}

/// The opcode, payload range and end of one unmasked server frame at the start of `bytes`, or
/// None until all of it has arrived.
fn next_frame(bytes: &[u8]) -> Option<(u8, std::ops::Range<usize>, usize)> {
    let opcode = bytes.first()? & 0x0f;
    let (length, offset) = match bytes.get(1)? & 0x7f {
        126 => (
            u16::from_be_bytes(bytes.get(2..4)?.try_into().ok()?) as usize,
            4,
        ),
        127 => (
            u64::from_be_bytes(bytes.get(2..10)?.try_into().ok()?) as usize,
            10,
        ),
        short => (short as usize, 2),
    };
    let end = offset + length;
    (bytes.len() >= end).then_some((opcode, offset..end, end))
}

/// A masked client frame; the only ones sent are pongs, whose payload is under 126 bytes.
fn client_frame(opcode: u8, payload: &[u8]) -> Vec<u8> {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.subsec_nanos());
    let mask = nanos.to_be_bytes();
    let mut frame = vec![0x80 | opcode, 0x80 | payload.len() as u8];
    frame.extend_from_slice(&mask);
    frame.extend(payload.iter().enumerate().map(|(i, b)| b ^ mask[i % 4]));
    frame
}
