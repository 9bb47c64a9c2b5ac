//! Where messages go: an SMTP server, or a folder of `.eml` files.
use super::SendMail;
use lettre::{
    message::{header::ContentType, Mailbox, MultiPart, SinglePart},
    AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor,
};
use std::path::PathBuf;

pub enum Outbox {
    Smtp {
        transport: AsyncSmtpTransport<Tokio1Executor>,
        from: Mailbox,
    },
    Folder {
        dir: PathBuf,
        from: Mailbox,
    },
}

impl Outbox {
    /// SMTP at `url`: `smtp://user:pass@host:587` uses STARTTLS (required), `smtps://` TLS from
    /// the start, and `smtp://host:25?tls=none` no encryption (a relay on the same machine).
    pub fn smtp(url: &str, from: &str) -> Result<Outbox, String> {
        let from = parse_from(from)?;
        let url = smtp_url_with_tls(url)?;
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(&url)
            .map_err(|e| format!("--smtp-url: {e}"))?
            .build();
        Ok(Outbox::Smtp { transport, from })
    }

    /// `.eml` files in `dir`, made when the first message is written.
    pub fn folder(dir: PathBuf, from: &str) -> Result<Outbox, String> {
        Ok(Outbox::Folder {
            dir,
            from: parse_from(from)?,
        })
    }

    /// Whether messages reach people (false when they are only written to files).
    pub fn delivers(&self) -> bool {
        matches!(self, Outbox::Smtp { .. })
    }

    pub async fn send(&self, mail: &SendMail) -> Result<(), String> {
        let from = match self {
            Outbox::Smtp { from, .. } | Outbox::Folder { from, .. } => from.clone(),
        };
        let message = message(mail, from)?;
        match self {
            Outbox::Smtp { transport, .. } => transport
                .send(message)
                .await
                .map(|_| ())
                .map_err(|e| format!("SMTP: {e}")),
            Outbox::Folder { dir, .. } => {
                let path = dir.join(format!("{}.eml", crate::db::new_id()));
                let written = async {
                    tokio::fs::create_dir_all(dir).await?;
                    tokio::fs::write(&path, message.formatted()).await
                };
                written
                    .await
                    .map_err(|e| format!("writing {}: {e}", path.display()))?;
                tracing::info!(path = %path.display(), to = %mail.to, link = %mail.link,
                    "mail is not delivered (no --smtp-url): message saved");
                Ok(())
            }
        }
    }
}

fn parse_from(from: &str) -> Result<Mailbox, String> {
    from.parse().map_err(|_| {
        format!("--mail-from: {from} is not an address like Commons <commons@example.org>")
    })
}

/// lettre reads `smtp://` without a `tls` parameter as unencrypted; ours means STARTTLS, so
/// that a password is never sent in the clear unless the URL says so.
fn smtp_url_with_tls(url: &str) -> Result<String, String> {
    if url.starts_with("smtps://") {
        return Ok(url.to_string());
    }
    if !url.starts_with("smtp://") {
        return Err("--smtp-url must start with smtp:// or smtps://".into());
    }
    if url.contains("tls=none") {
        let cleaned = url
            .replace("?tls=none&", "?")
            .replace("?tls=none", "")
            .replace("&tls=none", "");
        return Ok(cleaned);
    }
    if url.contains("tls=") {
        return Ok(url.to_string());
    }
    let joiner = if url.contains('?') { '&' } else { '?' };
    Ok(format!("{url}{joiner}tls=required"))
}

fn message(mail: &SendMail, from: Mailbox) -> Result<Message, String> {
    let to: Mailbox = mail
        .to
        .parse()
        .map_err(|_| format!("{} is not an email address", mail.to))?;
    Message::builder()
        .from(from)
        .to(to)
        .subject(&mail.subject)
        .multipart(
            MultiPart::alternative()
                .singlepart(
                    SinglePart::builder()
                        .header(ContentType::TEXT_PLAIN)
                        .body(mail.text()),
                )
                .singlepart(
                    SinglePart::builder()
                        .header(ContentType::TEXT_HTML)
                        .body(mail.html()),
                ),
        )
        .map_err(|e| format!("building the message: {e}"))
}

#[cfg(test)]
mod tests {
    use super::smtp_url_with_tls;

    #[test]
    fn smtp_means_starttls_unless_the_url_says_otherwise() {
        assert_eq!(
            smtp_url_with_tls("smtp://u:p@mail.example:587").unwrap(),
            "smtp://u:p@mail.example:587?tls=required"
        );
        assert_eq!(
            smtp_url_with_tls("smtp://127.0.0.1:2525?tls=none").unwrap(),
            "smtp://127.0.0.1:2525"
        );
        assert_eq!(
            smtp_url_with_tls("smtps://mail.example").unwrap(),
            "smtps://mail.example"
        );
        assert!(smtp_url_with_tls("http://mail.example").is_err());
    }
}
