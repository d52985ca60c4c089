//! Helpers shared by the integration tests: reading `testdata/` and the sections of the
//! Cashu vector markdown files.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on bad fixtures
#![allow(dead_code)]

pub fn testdata(path: &str) -> String {
    let full = format!("{}/../../testdata/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
}

/// One section of a vectors markdown file: the `key: value` lines of its shell blocks (in
/// order, comments dropped) and its JSON blocks.
#[derive(Debug, Default)]
pub struct Section {
    pub title: String,
    pub fields: Vec<(String, String)>,
    pub json: Vec<String>,
    pub prose: Vec<String>,
}

impl Section {
    pub fn all(&self, key: &str) -> Vec<&str> {
        self.fields
            .iter()
            .filter(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    pub fn one(&self, key: &str) -> &str {
        let all = self.all(key);
        assert_eq!(all.len(), 1, "{key} in {}", self.title);
        all[0]
    }
}

pub fn sections(md: &str) -> Vec<Section> {
    let mut out = vec![Section::default()];
    let mut block: Option<(String, String)> = None;
    for line in md.lines() {
        if let Some((lang, body)) = block.as_mut() {
            if line.starts_with("```") {
                let cur = out.last_mut().unwrap();
                if lang == "json" {
                    cur.json.push(std::mem::take(body));
                }
                block = None;
            } else if lang == "json" {
                body.push_str(line);
                body.push('\n');
            } else if !line.trim_start().starts_with('#')
                && let Some((k, v)) = line.split_once(':')
            {
                let v = v.split_whitespace().next().unwrap_or("").trim_matches('"');
                out.last_mut()
                    .unwrap()
                    .fields
                    .push((k.trim().to_owned(), v.to_owned()));
            }
        } else if let Some(lang) = line.strip_prefix("```") {
            block = Some((lang.trim().to_owned(), String::new()));
        } else if let Some(title) = line.strip_prefix('#') {
            out.push(Section {
                title: title.trim_start_matches('#').trim().to_owned(),
                ..Section::default()
            });
        } else if !line.trim().is_empty() {
            out.last_mut().unwrap().prose.push(line.to_owned());
        }
    }
    out
}

pub fn section<'a>(all: &'a [Section], title: &str) -> &'a Section {
    all.iter()
        .find(|s| s.title == title)
        .unwrap_or_else(|| panic!("no section {title}"))
}
