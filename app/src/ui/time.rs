//! Times: stored as milliseconds since the Unix epoch, shown relative ("5 min ago") with the
//! exact time on hover in the viewer's own time zone (set in the browser; UTC without JavaScript).
use leptos::prelude::*;

/// (year, month, day, hour, minute) in UTC.
fn civil(ms: i64) -> (i64, u32, u32, u32, u32) {
    let secs = ms.div_euclid(1000);
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    // Days to civil date (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (
        year,
        month,
        day,
        (rem / 3600) as u32,
        ((rem % 3600) / 60) as u32,
    )
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Machine-readable time for `<time datetime>`.
pub fn iso(ms: i64) -> String {
    let (y, mo, d, h, mi) = civil(ms);
    format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}Z")
}

/// The exact time in UTC, as shown before the browser knows the viewer's zone.
pub fn utc_label(ms: i64) -> String {
    let (y, mo, d, h, mi) = civil(ms);
    format!("{d} {} {y}, {h:02}:{mi:02} UTC", MONTHS[(mo - 1) as usize])
}

/// "just now", "5 min ago", "3 h ago", "2 d ago", or a date.
pub fn relative(now_ms: i64, ms: i64) -> String {
    let secs = (now_ms - ms).max(0) / 1000;
    match secs {
        0..=44 => "just now".into(),
        45..=3_599 => format!("{} min ago", (secs + 30) / 60),
        3_600..=86_399 => format!("{} h ago", secs / 3_600),
        86_400..=604_799 => format!("{} d ago", secs / 86_400),
        _ => {
            let (y, mo, d, ..) = civil(ms);
            format!("{d} {} {y}", MONTHS[(mo - 1) as usize])
        }
    }
}

pub fn now_ms() -> i64 {
    #[cfg(feature = "hydrate")]
    {
        js_sys::Date::now() as i64
    }
    #[cfg(not(feature = "hydrate"))]
    {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_millis() as i64)
            .unwrap_or(0)
    }
}

/// A relative time whose tooltip gives the exact time: in the viewer's time zone when drawn in
/// the browser, in UTC from the server until [`show_local_times`] runs.
#[component]
pub fn Timestamp(ms: i64) -> impl IntoView {
    #[cfg(feature = "hydrate")]
    let exact = local_label(ms).unwrap_or_else(|| utc_label(ms));
    #[cfg(not(feature = "hydrate"))]
    let exact = utc_label(ms);
    view! {
        <time datetime=iso(ms) title=exact>{relative(now_ms(), ms)}</time>
    }
}

/// Gives every server-rendered `<time datetime>` on the page its tooltip in the viewer's time
/// zone (the server cannot know it). Runs once, when the WebAssembly starts.
#[cfg(feature = "hydrate")]
pub fn show_local_times() {
    use wasm_bindgen::JsCast;
    let Some(times) = document().query_selector_all("time[datetime]").ok() else {
        return;
    };
    for i in 0..times.length() {
        let Some(time) = times
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let ms = time
            .get_attribute("datetime")
            .map(|iso| js_sys::Date::parse(&iso))
            .filter(|ms| ms.is_finite());
        if let Some(label) = ms.and_then(|ms| local_label(ms as i64)) {
            let _ = time.set_attribute("title", &label);
        }
    }
}

/// The exact time in the browser's locale and time zone, for example "26 Nov 2026, 09:15 CET".
#[cfg(feature = "hydrate")]
fn local_label(ms: i64) -> Option<String> {
    use wasm_bindgen::JsValue;
    let date = js_sys::Date::new(&JsValue::from_f64(ms as f64));
    let options = js_sys::Object::new();
    // dateStyle/timeStyle cannot be combined with timeZoneName, so name each part.
    for (key, value) in [
        ("year", "numeric"),
        ("month", "short"),
        ("day", "numeric"),
        ("hour", "2-digit"),
        ("minute", "2-digit"),
        ("timeZoneName", "short"),
    ] {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    // No locales: the browser's own.
    js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &options)
        .format()
        .call1(&JsValue::NULL, &date)
        .ok()
        .and_then(|text| text.as_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_known_instants() {
        // 2024-02-29 13:05 UTC
        let ms = 1_709_211_900_000;
        assert_eq!(iso(ms), "2024-02-29T13:05Z");
        assert_eq!(utc_label(ms), "29 Feb 2024, 13:05 UTC");
        assert_eq!(iso(0), "1970-01-01T00:00Z");
    }

    #[test]
    fn relative_times() {
        let now = 1_709_211_900_000;
        assert_eq!(relative(now, now - 10_000), "just now");
        assert_eq!(relative(now, now - 5 * 60_000), "5 min ago");
        assert_eq!(relative(now, now - 3 * 3_600_000), "3 h ago");
        assert_eq!(relative(now, now - 2 * 86_400_000), "2 d ago");
        assert_eq!(relative(now, now - 40 * 86_400_000), "20 Jan 2024");
    }
}
