//! Reading the app's HTML.

/// Undoes the template's HTML escaping (named and numeric entities).
pub fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let Some(end) = rest.find(';') else { break };
        let entity = &rest[1..end];
        let c = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            _ => entity
                .strip_prefix("#x")
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The cells of each listed record of the activity log: time, user, customer, product, order, operation, details.
pub fn rows(html: &str) -> Vec<Vec<String>> {
    html.split("<tr data-test=\"activity-row\">")
        .skip(1)
        .map(|tr| {
            let tr = &tr[..tr.find("</tr>").unwrap()];
            tr.split("<td")
                .skip(1)
                .map(|td| {
                    let text = &td[td.find('>').unwrap() + 1..td.find("</td>").unwrap()];
                    unescape(text)
                })
                .collect()
        })
        .collect()
}
