//! Reading back the mail a test server sent. The test command runs a real SMTP server (aiosmtpd)
//! that keeps every message in a Maildir (`COMMONS_TEST_SMTP_URL`, `COMMONS_TEST_MAILDIR`);
//! without one, a test server writes its messages as `.eml` files into a folder of its own.
use server::config::Config;
use std::path::PathBuf;

pub enum Mailbox {
    /// The SMTP server's Maildir, shared by every test server: messages are told apart by the
    /// server's address in their links, and by arriving after this mailbox was made (a port is
    /// reused by a later server, so an older message can carry the same address).
    Smtp {
        url: String,
        maildir: PathBuf,
        since: std::time::SystemTime,
    },
    Folder(PathBuf),
}

impl Mailbox {
    pub fn for_tests() -> Mailbox {
        match (
            std::env::var("COMMONS_TEST_SMTP_URL"),
            std::env::var("COMMONS_TEST_MAILDIR"),
        ) {
            (Ok(url), Ok(maildir)) => Mailbox::Smtp {
                url,
                maildir: maildir.into(),
                since: std::time::SystemTime::now(),
            },
            _ => Mailbox::Folder(
                std::env::temp_dir().join(format!("commons_mail_{:016x}", rand::random::<u64>())),
            ),
        }
    }

    pub fn configure(&self, config: &mut Config) {
        match self {
            Mailbox::Smtp { url, .. } => config.smtp_url = Some(url.clone()),
            Mailbox::Folder(dir) => config.data_dir = dir.clone(),
        }
    }

    /// Every message, oldest first.
    fn messages(&self) -> Vec<String> {
        let (dirs, since) = match self {
            Mailbox::Smtp { maildir, since, .. } => {
                (vec![maildir.join("new"), maildir.join("cur")], *since)
            }
            Mailbox::Folder(dir) => (vec![dir.join("mail")], std::time::UNIX_EPOCH),
        };
        let mut messages = Vec::new();
        for dir in dirs {
            let Ok(entries) = std::fs::read_dir(dir) else {
                continue;
            };
            for entry in entries.flatten() {
                let written = entry.metadata().and_then(|m| m.modified());
                if let (Ok(written), Ok(raw)) = (written, std::fs::read_to_string(entry.path())) {
                    if written >= since {
                        messages.push((written, raw));
                    }
                }
            }
        }
        messages.sort_by_key(|(written, _)| *written);
        messages.into_iter().map(|(_, raw)| raw).collect()
    }
}

/// The newest link starting with `prefix` in a message to `to`.
pub fn newest_link(mailbox: &Mailbox, to: &str, prefix: &str) -> Option<String> {
    let to = to.to_lowercase();
    let mut newest = None;
    for raw in mailbox.messages() {
        let Some((headers, body)) = raw
            .split_once("\r\n\r\n")
            .or_else(|| raw.split_once("\n\n"))
        else {
            continue;
        };
        let addressed = headers.lines().any(|line| {
            line.to_ascii_lowercase().starts_with("to:") && line.to_lowercase().contains(&to)
        });
        if !addressed {
            continue;
        }
        let text = decode_quoted_printable(body);
        if let Some(at) = text.find(prefix) {
            let link: String = text[at..]
                .chars()
                .take_while(|c| !c.is_whitespace() && *c != '"' && *c != '<')
                .collect();
            newest = Some(link.replace("&amp;", "&"));
        }
    }
    newest
}

/// The value of `name` in a link's query.
pub fn query_value(link: &str, name: &str) -> Option<String> {
    let (_, query) = link.split_once('?')?;
    query.split('&').find_map(|pair| {
        let (key, value) = pair.split_once('=')?;
        (key == name).then(|| value.to_string())
    })
}

/// Undoes quoted-printable (soft line breaks and `=XX` escapes), which mail uses for long lines.
fn decode_quoted_printable(text: &str) -> String {
    let joined = text.replace("=\r\n", "").replace("=\n", "");
    let bytes = joined.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'=' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
            if let Some(byte) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(byte);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
