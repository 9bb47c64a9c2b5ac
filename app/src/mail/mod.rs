//! Outgoing mail. Every message is a job ([`SendMail`]), so a slow or failing mail server never
//! holds up a request and a message is retried until it goes. With `--smtp-url` it is sent
//! through SMTP; without (the embedded default) it is written as an `.eml` file under
//! `data/mail/`, and its path and link are logged, so a newcomer can still verify and reset.
mod outbox;

pub use outbox::Outbox;

use crate::{jobs::Job, state::AppState};
use serde::{Deserialize, Serialize};

/// A message with a plain-text and an HTML part. Its one `link` is the action it offers (also
/// logged when mail is only written to files).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SendMail {
    pub to: String,
    pub subject: String,
    /// What the message says, in plain sentences, before its link.
    pub lines: Vec<String>,
    /// The label of the link in the HTML part ("Verify email").
    pub action: String,
    pub link: String,
}

impl Job for SendMail {
    const KIND: &'static str = "mail.send";
    const MAX_ATTEMPTS: i64 = 8;

    async fn run(self, state: AppState) -> Result<(), String> {
        state.mail.send(&self).await
    }
}

impl SendMail {
    pub fn text(&self) -> String {
        let mut text = self.lines.join("\n\n");
        text.push_str(&format!("\n\n{}: {}\n", self.action, self.link));
        text
    }

    pub fn html(&self) -> String {
        use crate::ui::escape_html as e;
        let paragraphs: String = self
            .lines
            .iter()
            .map(|line| format!("<p>{}</p>", e(line)))
            .collect();
        format!(
            "<!DOCTYPE html><html><body>{paragraphs}<p><a href=\"{}\">{}</a></p></body></html>",
            e(&self.link),
            e(&self.action)
        )
    }
}

/// What mail brings to the job queue.
pub fn register(registry: &mut crate::jobs::Registry) {
    registry.add::<SendMail>();
}

/// Queues `mail` inside the caller's transaction: it goes out only if the change commits.
pub async fn queue(conn: &mut sqlx::AnyConnection, mail: &SendMail) -> Result<(), sqlx::Error> {
    crate::jobs::enqueue(conn, mail, None).await.map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_parts_carry_the_link_and_html_is_escaped() {
        let mail = SendMail {
            to: "ada@example.org".into(),
            subject: "Verify".into(),
            lines: vec!["Hello <Ada> & co".into()],
            action: "Verify email".into(),
            link: "http://c.example/verify?token=a&b".into(),
        };
        assert!(mail
            .text()
            .contains("Verify email: http://c.example/verify?token=a&b"));
        assert!(mail.html().contains("Hello &lt;Ada&gt; &amp; co"));
        assert!(mail
            .html()
            .contains("href=\"http://c.example/verify?token=a&amp;b\""));
    }
}
