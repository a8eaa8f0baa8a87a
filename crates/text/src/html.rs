//! HTML to the article's main text, title and publication date.
//!
//! One iterative walk over the parsed tree (no recursion: a page nested
//! 100,000 levels deep is walked like any other). What counts as boilerplate
//! is data (`resources/html/boilerplate.tsv`).

use std::collections::HashSet;

use scraper::{Html, Node};
use vigie_core::Date;
use vigie_resources::{Resources, data_lines};

use crate::Error;

/// An article extracted from HTML.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HtmlArticle {
    /// Main text, paragraphs separated by a blank line.
    pub text: String,
    pub title: Option<String>,
    pub published: Option<Date>,
    /// Element nesting depth of the page when it exceeded
    /// [`MAX_NESTING_DEPTH`]: the elements below that depth were dropped
    /// (their text kept) before parsing.
    pub flattened_depth: Option<usize>,
    /// Tags that had more than [`MAX_ATTRIBUTES`] attributes or more than
    /// [`MAX_ATTRIBUTE_BYTES`] of them: the attributes past the limit were
    /// removed before parsing.
    pub capped_attributes: Option<AttributeCap>,
    /// Tags and attributes the parser was given (after the caps): the
    /// markup's share of a document's work.
    pub tags: usize,
    pub attributes: usize,
    /// Text that was inside elements dropped as not part of the article
    /// (`template`, `svg`, navigation…), in bytes, by the element name or
    /// the attribute that dropped it, in name order. Says why a page whose
    /// main text is empty had text all the same.
    pub dropped_text: Vec<(String, usize)>,
}

/// What the attribute cap removed from a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AttributeCap {
    /// Tags that lost attributes.
    pub tags: usize,
    /// The most attributes one tag had.
    pub most: usize,
    /// The most attribute bytes one tag had.
    pub most_bytes: usize,
}

/// Deepest element nesting parsed as written. Real pages stay under 100
/// levels; the HTML parser's cost grows with depth for every element, so a
/// page nested 100,000 deep would take minutes.
pub const MAX_NESTING_DEPTH: usize = 512;

/// Most attributes of one tag handed to the HTML parser. The parser checks
/// each attribute of a tag against the earlier ones (quadratic: 100,000
/// attributes on one tag took 14 s); real tags have a few dozen at most.
pub const MAX_ATTRIBUTES: usize = 64;

/// Most bytes of attributes (names and values) of one tag handed to the
/// parser; later attributes are dropped. Text extraction reads only short
/// ones (`class`, `id`, `role`, `content`, `datetime`); a large `src` data
/// URI is never needed.
pub const MAX_ATTRIBUTE_BYTES: usize = 64 * 1024;

/// Elements whose end starts a new paragraph.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "td",
    "th",
    "tr",
    "ul",
];

#[derive(Debug, Clone)]
pub struct HtmlExtractor {
    drop_elements: HashSet<String>,
    drop_tokens: HashSet<String>,
    drop_roles: HashSet<String>,
}

impl HtmlExtractor {
    pub fn from_resources(r: &Resources) -> Result<Self, Error> {
        const PATH: &str = "html/boilerplate.tsv";
        let text = r.require(PATH)?;
        let mut x = HtmlExtractor {
            drop_elements: HashSet::new(),
            drop_tokens: HashSet::new(),
            drop_roles: HashSet::new(),
        };
        let mut errors = Vec::new();
        for (line, l) in data_lines(&text) {
            match l.split_once('\t') {
                Some(("element", v)) => x.drop_elements.insert(v.trim().to_ascii_lowercase()),
                Some(("token", v)) => x.drop_tokens.insert(v.trim().to_ascii_lowercase()),
                Some(("role", v)) => x.drop_roles.insert(v.trim().to_ascii_lowercase()),
                _ => {
                    errors.push(format!(
                        "{PATH}:{line}: expected `element|token|role<TAB>value`"
                    ));
                    false
                }
            };
        }
        if errors.is_empty() {
            Ok(x)
        } else {
            Err(Error::Data(errors))
        }
    }

    /// Why `el` is dropped with its subtree (`None`: it is kept): its
    /// element name, or the attribute that marks it.
    fn boilerplate(&self, el: &scraper::node::Element) -> Option<String> {
        if self.drop_elements.contains(el.name()) {
            return Some(format!("<{}>", el.name()));
        }
        if el.attr("hidden").is_some() {
            return Some("hidden".into());
        }
        if el.attr("aria-hidden") == Some("true") {
            return Some("aria-hidden".into());
        }
        if let Some(role) = el.attr("role")
            && self.drop_roles.contains(&role.to_ascii_lowercase())
        {
            return Some("role".into());
        }
        for attr in ["class", "id"] {
            if let Some(v) = el.attr(attr) {
                let hit = v
                    .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
                    .any(|t| !t.is_empty() && self.drop_tokens.contains(&t.to_ascii_lowercase()));
                if hit {
                    return Some(attr.into());
                }
            }
        }
        None
    }

    /// Extracts the main text, title and date. Never fails: a page with no
    /// text gives an empty `text`.
    pub fn extract(&self, html: &str) -> HtmlArticle {
        let limited = limit_markup(html, MAX_NESTING_DEPTH);
        let html = limited.page.as_deref().unwrap_or(html);
        let doc = Html::parse_document(html);
        let mut meta = Meta::default();
        // Pass 1: metadata from the whole page, and whether it has <article>/<main>.
        let mut has_article = false;
        let mut has_main = false;
        let mut in_title = false;
        let mut title_text = String::new();
        let mut in_ld_json = false;
        for edge in doc.tree.root().traverse() {
            match edge {
                ego_tree_edge::Open(node) => match node.value() {
                    Node::Element(el) => {
                        match el.name() {
                            "article" => has_article = true,
                            "main" => has_main = true,
                            "title" => in_title = true,
                            "meta" => meta.read_meta(el),
                            "time" if meta.time.is_none() => {
                                meta.time = el.attr("datetime").and_then(parse_date);
                            }
                            "script" => {
                                in_ld_json = el
                                    .attr("type")
                                    .is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json"))
                            }
                            _ => {}
                        }
                        if el.attr("itemprop") == Some("datePublished") && meta.itemprop.is_none() {
                            meta.itemprop = el
                                .attr("content")
                                .or(el.attr("datetime"))
                                .and_then(parse_date);
                        }
                    }
                    Node::Text(t) if in_title => title_text.push_str(t),
                    Node::Text(t) if in_ld_json && meta.json_ld.is_none() => {
                        meta.json_ld = json_ld_date(t)
                    }
                    _ => {}
                },
                ego_tree_edge::Close(node) => {
                    if let Node::Element(el) = node.value() {
                        match el.name() {
                            "title" => in_title = false,
                            "script" => in_ld_json = false,
                            _ => {}
                        }
                    }
                }
            }
        }
        let root_name = if has_article {
            "article"
        } else if has_main {
            "main"
        } else {
            "body"
        };
        let (text, dropped_text) = self.main_text(&doc, root_name);
        let title = meta
            .og_title
            .clone()
            .or_else(|| Some(collapse_ws(&title_text)))
            .filter(|t| !t.is_empty());
        HtmlArticle {
            text,
            title,
            published: meta
                .published_time
                .or(meta.json_ld)
                .or(meta.itemprop)
                .or(meta.time),
            flattened_depth: limited.deepest,
            capped_attributes: limited.capped,
            tags: limited.tags,
            attributes: limited.attributes,
            dropped_text: dropped_text.into_iter().collect(),
        }
    }

    /// Text of every `root_name` element, boilerplate dropped, paragraphs
    /// kept; and the bytes of text dropped, by what dropped them.
    fn main_text(
        &self,
        doc: &Html,
        root_name: &str,
    ) -> (String, std::collections::BTreeMap<String, usize>) {
        let mut out = String::new();
        let mut inside_root = 0usize; // depth of nested root elements we are in
        let mut skipping = 0usize; // depth inside dropped subtrees
        let mut dropped_by = String::new(); // what dropped the current subtree
        let mut dropped = std::collections::BTreeMap::<String, usize>::new();
        let mut para = String::new();
        for edge in doc.tree.root().traverse() {
            match edge {
                ego_tree_edge::Open(node) => match node.value() {
                    Node::Element(el) => {
                        if skipping > 0 {
                            skipping += 1;
                            continue;
                        }
                        if let Some(why) = self.boilerplate(el) {
                            skipping = 1;
                            dropped_by = why;
                            continue;
                        }
                        if el.name() == root_name {
                            inside_root += 1;
                        }
                        if inside_root > 0 && el.name() == "br" {
                            flush(&mut para, &mut out, "\n");
                        }
                    }
                    Node::Text(t) if skipping == 0 && inside_root > 0 => para.push_str(t),
                    Node::Text(t) if inside_root > 0 && !t.trim().is_empty() => {
                        *dropped.entry(dropped_by.clone()).or_default() += t.trim().len();
                    }
                    _ => {}
                },
                ego_tree_edge::Close(node) => {
                    if let Node::Element(el) = node.value() {
                        if skipping > 0 {
                            skipping -= 1;
                            continue;
                        }
                        if inside_root > 0 && BLOCKS.contains(&el.name()) {
                            flush(&mut para, &mut out, "\n\n");
                        }
                        if el.name() == root_name {
                            inside_root = inside_root.saturating_sub(1);
                        }
                    }
                }
            }
        }
        flush(&mut para, &mut out, "\n\n");
        out.truncate(out.trim_end().len());
        (out, dropped)
    }
}

/// Elements that hold no children.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];
/// Elements the parser closes by itself when a sibling opens ("<p>a<p>b",
/// "<li>"): not counted as nesting, or a page of unclosed paragraphs would
/// look deep.
const SELF_CLOSING_SIBLINGS: &[&str] = &[
    "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot", "rb",
    "rt", "rp", "colgroup",
];
/// Elements whose content is raw text: tags inside them are not tags.
const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "plaintext",
];

/// What [`limit_markup`] made of a page.
#[derive(Debug, Default, PartialEq, Eq)]
struct Limited {
    /// The page rewritten, when a limit was reached (else it is parsed as
    /// written).
    page: Option<String>,
    /// The deepest nesting, when it went past the limit.
    deepest: Option<usize>,
    capped: Option<AttributeCap>,
    /// Tags and attributes left for the parser.
    tags: usize,
    attributes: usize,
}

/// One linear pass over the markup that bounds what the HTML parser is
/// given: tags nested deeper than `max_depth` are removed (their text
/// kept), and a tag's attributes past [`MAX_ATTRIBUTES`] or
/// [`MAX_ATTRIBUTE_BYTES`] are removed. An ordinary page is left as written
/// (`page` is `None`). A lexical approximation of the parser (comments and
/// raw-text elements skipped, void and self-closing elements not counted
/// as nesting; attributes read as the HTML tokenizer reads them).
fn limit_markup(html: &str, max_depth: usize) -> Limited {
    let b = html.as_bytes();
    let mut lim = Limited::default();
    let mut out: Option<String> = None;
    let mut depth = 0usize;
    let mut deepest = 0usize;
    let mut copied = 0usize; // bytes of `html` already handled when rewriting
    let mut i = 0usize;
    while let Some(off) = b[i..].iter().position(|&c| c == b'<') {
        let start = i + off;
        let rest = &b[start..];
        if rest.starts_with(b"<!--") {
            i = find_ascii_ci(b, start + 4, b"-->").map_or(b.len(), |e| e + 3);
            continue;
        }
        let closing = rest.get(1) == Some(&b'/');
        let name_at = start + 1 + usize::from(closing);
        let name_len = b[name_at..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        if name_len == 0 || !b[name_at].is_ascii_alphabetic() {
            i = start + 1;
            continue;
        }
        let name = html[name_at..name_at + name_len].to_ascii_lowercase();
        let tag = scan_tag(b, name_at + name_len);
        let end = tag.end;
        let self_closed = end >= 2 && b[end - 2] == b'/';
        let counted = !VOID.contains(&name.as_str())
            && !SELF_CLOSING_SIBLINGS.contains(&name.as_str())
            && !self_closed;
        let mut drop_tag = false;
        if closing {
            if counted {
                drop_tag = depth > max_depth;
                depth = depth.saturating_sub(1);
            }
        } else if counted {
            depth += 1;
            deepest = deepest.max(depth);
            drop_tag = depth > max_depth;
        }
        if drop_tag {
            let page = out.get_or_insert_with(|| String::with_capacity(html.len()));
            page.push_str(&html[copied..start]);
            copied = end;
        } else {
            lim.tags += 1;
            lim.attributes += tag.kept;
            if let Some(cut) = tag.cut {
                let cap = lim.capped.get_or_insert_with(AttributeCap::default);
                cap.tags += 1;
                cap.most = cap.most.max(tag.attributes);
                cap.most_bytes = cap.most_bytes.max(tag.bytes);
                let page = out.get_or_insert_with(|| String::with_capacity(html.len()));
                page.push_str(&html[copied..cut]);
                page.push_str(if self_closed { "/>" } else { ">" });
                copied = end;
            }
        }
        i = end;
        if !closing && RAW_TEXT.contains(&name.as_str()) {
            // skip to the matching end tag, whatever it contains
            let close = format!("</{name}");
            i = find_ascii_ci(b, i, close.as_bytes()).unwrap_or(b.len());
        }
    }
    if deepest > max_depth {
        lim.deepest = Some(deepest);
    }
    if let Some(mut page) = out {
        page.push_str(&html[copied..]);
        lim.page = Some(page);
    }
    lim
}

fn find_ascii_ci(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|p| from + p)
}

/// The attributes of one tag, read as the HTML tokenizer reads them.
#[derive(Debug, PartialEq, Eq)]
struct TagScan {
    /// Index just past the `>` that ends the tag (the end of the input if
    /// none does).
    end: usize,
    attributes: usize,
    /// Attributes within the limits.
    kept: usize,
    /// Bytes of all its attributes.
    bytes: usize,
    /// Where the kept attributes end, when some must go.
    cut: Option<usize>,
}

/// Reads the attributes of a tag whose name ends at `from`: names up to
/// white space, `/`, `>` or `=`; values quoted (a quoted value may hold
/// `>`) or up to white space or `>`.
fn scan_tag(b: &[u8], from: usize) -> TagScan {
    let ws = |c: u8| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c');
    let mut i = from;
    let mut scan = TagScan {
        end: b.len(),
        attributes: 0,
        kept: 0,
        bytes: 0,
        cut: None,
    };
    let mut kept_end = from;
    loop {
        while i < b.len() && (ws(b[i]) || b[i] == b'/') {
            i += 1;
        }
        if i >= b.len() {
            break;
        }
        if b[i] == b'>' {
            scan.end = i + 1;
            break;
        }
        let start = i;
        i += 1; // the first character may be `=`
        while i < b.len() && !ws(b[i]) && !matches!(b[i], b'/' | b'>' | b'=') {
            i += 1;
        }
        let mut j = i;
        while j < b.len() && ws(b[j]) {
            j += 1;
        }
        if j < b.len() && b[j] == b'=' {
            i = j + 1;
            while i < b.len() && ws(b[i]) {
                i += 1;
            }
            match b.get(i) {
                Some(&q @ (b'"' | b'\'')) => {
                    i = b[i + 1..]
                        .iter()
                        .position(|&c| c == q)
                        .map_or(b.len(), |p| i + 1 + p + 1);
                }
                _ => {
                    while i < b.len() && !ws(b[i]) && b[i] != b'>' {
                        i += 1;
                    }
                }
            }
        }
        scan.attributes += 1;
        scan.bytes += i - start;
        if scan.attributes <= MAX_ATTRIBUTES && scan.bytes <= MAX_ATTRIBUTE_BYTES {
            kept_end = i;
            scan.kept += 1;
        } else if scan.cut.is_none() {
            scan.cut = Some(kept_end);
        }
    }
    scan
}

// scraper re-exports ego_tree's traversal edges.
mod ego_tree_edge {
    pub use ego_tree::iter::Edge::{Close, Open};
}

/// Ends the current paragraph: its text, whitespace folded, then `sep`.
fn flush(para: &mut String, out: &mut String, sep: &str) {
    let p = collapse_ws(para);
    para.clear();
    if p.is_empty() {
        return;
    }
    if !out.is_empty() && !out.ends_with('\n') {
        out.push_str(sep);
    }
    out.push_str(&p);
    out.push_str(sep);
}

fn collapse_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

#[derive(Default)]
struct Meta {
    og_title: Option<String>,
    published_time: Option<Date>,
    json_ld: Option<Date>,
    itemprop: Option<Date>,
    time: Option<Date>,
}

impl Meta {
    fn read_meta(&mut self, el: &scraper::node::Element) {
        let key = el
            .attr("property")
            .or(el.attr("name"))
            .unwrap_or("")
            .to_ascii_lowercase();
        let Some(content) = el.attr("content") else {
            return;
        };
        match key.as_str() {
            "og:title" | "twitter:title" if self.og_title.is_none() => {
                let t = collapse_ws(content);
                if !t.is_empty() {
                    self.og_title = Some(t);
                }
            }
            "article:published_time"
            | "og:published_time"
            | "datepublished"
            | "pubdate"
            | "publishdate"
            | "date"
            | "dc.date.issued"
            | "dc.date"
            | "sailthru.date"
            | "parsely-pub-date"
                if self.published_time.is_none() =>
            {
                self.published_time = parse_date(content);
            }
            _ => {}
        }
    }
}

/// `2024-01-07`, `2024-01-07T10:00:00Z` and similar: the calendar day written.
pub fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    let day = s.get(..10)?;
    day.parse::<Date>().ok()
}

/// `datePublished` anywhere in a JSON-LD block (objects, arrays, @graph).
fn json_ld_date(text: &str) -> Option<Date> {
    let v: serde_json::Value = serde_json::from_str(text.trim()).ok()?;
    let mut stack = vec![&v];
    while let Some(v) = stack.pop() {
        match v {
            serde_json::Value::Object(m) => {
                if let Some(d) = m
                    .get("datePublished")
                    .and_then(|d| d.as_str())
                    .and_then(parse_date)
                {
                    return Some(d);
                }
                stack.extend(m.values());
            }
            serde_json::Value::Array(a) => stack.extend(a.iter()),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ex() -> HtmlExtractor {
        HtmlExtractor::from_resources(&Resources::embedded()).unwrap()
    }

    #[test]
    fn keeps_article_drops_furniture() {
        let html = r#"<html><head><title>Site | Frappe</title>
            <meta property="og:title" content="Frappe de drone sur une base">
            <meta property="article:published_time" content="2024-02-03T08:15:00+00:00">
            <script>var x = "not text";</script><style>p{}</style></head>
            <body><nav>Accueil Monde</nav><header>Logo</header>
            <div class="cookie-banner">Nous utilisons des cookies</div>
            <article><h1>Frappe de drone</h1><p>Premier  paragraphe
            sur deux lignes.</p><div class="share-buttons">Partager</div><p>Second<br>paragraphe.</p></article>
            <aside>Lire aussi</aside><footer>© 2024</footer></body></html>"#;
        let a = ex().extract(html);
        assert_eq!(
            a.text,
            "Frappe de drone\n\nPremier paragraphe sur deux lignes.\n\nSecond\nparagraphe."
        );
        assert_eq!(a.title.as_deref(), Some("Frappe de drone sur une base"));
        assert_eq!(a.published, Some(jiff::civil::date(2024, 2, 3)));
    }

    #[test]
    fn json_ld_and_time_dates() {
        let html = r#"<html><head><title> T </title><script type="application/ld+json">
            {"@graph":[{"@type":"NewsArticle","datePublished":"2023-10-23T11:00:00Z"}]}</script></head>
            <body><p>Text.</p></body></html>"#;
        let a = ex().extract(html);
        assert_eq!(a.published, Some(jiff::civil::date(2023, 10, 23)));
        assert_eq!(a.title.as_deref(), Some("T"));
        let html = r#"<body><time datetime="2024-05-01">1 May</time><p>Body text.</p></body>"#;
        assert_eq!(
            ex().extract(html).published,
            Some(jiff::civil::date(2024, 5, 1))
        );
    }

    #[test]
    fn deep_nesting_is_flattened_and_keeps_its_text() {
        let depth = 5_000;
        let page = format!(
            "<html><body><!-- <div> --><script>if (a<b) {{ x('<div>'); }}</script>{}<p>Texte profond.</p>{}<p>Après.</p></body></html>",
            "<div class='x>y'>".repeat(depth),
            "</div>".repeat(depth)
        );
        let a = ex().extract(&page);
        // <html> and <body> count too
        assert_eq!(a.flattened_depth, Some(depth + 2));
        assert!(a.text.contains("Texte profond."), "{}", a.text);
        assert!(a.text.contains("Après."), "{}", a.text);
        assert!(!a.text.contains("if (a"), "{}", a.text);
        let lim = limit_markup(&page, MAX_NESTING_DEPTH);
        let flat = lim.page.unwrap();
        assert_eq!(lim.deepest, Some(depth + 2));
        assert_eq!(flat.matches("<div class").count(), MAX_NESTING_DEPTH - 2);
        assert_eq!(flat.matches("</div>").count(), MAX_NESTING_DEPTH - 2);
    }

    #[test]
    fn ordinary_pages_are_parsed_as_written() {
        // many unclosed paragraphs and list items are not nesting
        let page = format!(
            "<html><body><ul>{}</ul>{}</body></html>",
            "<li>point".repeat(2_000),
            "<p>paragraphe<br>".repeat(2_000)
        );
        let lim = limit_markup(&page, MAX_NESTING_DEPTH);
        assert_eq!((lim.page, lim.deepest, lim.capped), (None, None, None));
        assert_eq!(ex().extract(&page).flattened_depth, None);
    }

    #[test]
    fn attribute_bomb_is_capped_and_keeps_its_text() {
        // One tag with 100,000 attributes (the parser's duplicate check was
        // quadratic in them), and one whose attributes are 1 MB of bytes.
        let bomb: String = (0..100_000).map(|i| format!(" a{i}=\"v\"")).collect();
        let big = format!(" data-x=\"{}\" class=\"nav\"", "x".repeat(1 << 20));
        let page = format!(
            "<html><body><div id=\"a\"{bomb}>Texte sous la bombe.</div><p{big}>Texte sous le gros attribut.</p><img src=x /></body></html>"
        );
        let lim = limit_markup(&page, MAX_NESTING_DEPTH);
        let cap = lim.capped.unwrap();
        assert_eq!(cap.tags, 2);
        assert_eq!(cap.most, 100_001);
        assert!(cap.most_bytes > 1 << 20);
        let flat = lim.page.unwrap();
        // id plus 63 bomb attributes kept; nothing of the big one
        assert!(flat.contains("<div id=\"a\" a0=\"v\""), "{}", &flat[..80]);
        assert!(flat.contains(" a62=\"v\">Texte sous la bombe."));
        assert!(!flat.contains("a63="));
        assert!(flat.contains("<p>Texte sous le gros attribut.</p>"));
        assert!(flat.contains("<img src=x />"));
        assert!(flat.len() < 2_000);
        // the parser is given at most MAX_ATTRIBUTES per tag: 64 of the
        // div, none of the p, the img's one
        assert_eq!(lim.attributes, MAX_ATTRIBUTES + 1);
        let a = ex().extract(&page);
        assert_eq!(
            a.text,
            "Texte sous la bombe.\n\nTexte sous le gros attribut."
        );
        assert_eq!(a.capped_attributes, Some(cap));
    }

    #[test]
    fn attributes_are_read_as_the_tokenizer_reads_them() {
        let b = br#"<a href='x>y' b = "1" c=d e=f"g" g/>t"#;
        let scan = scan_tag(b, 2);
        assert_eq!(scan.attributes, 5);
        assert_eq!(&b[scan.end..], b"t");
        assert_eq!(scan.cut, None);
        // unterminated: the tag runs to the end
        assert_eq!(scan_tag(b"<a x=\"y>t", 2).end, 9);
    }

    #[test]
    fn work_of_the_markup_grows_linearly() {
        // Tags and attributes handed to the parser, for 1, 2, 4, 8 copies
        // of pathological shapes: never more than proportional.
        let shapes = [
            format!("<div{}>x</div>", " a=1".repeat(10_000)),
            "<div>".repeat(2_000),
            "<p class=c><b>x</b>".repeat(500),
        ];
        for shape in &shapes {
            let work = |n: usize| {
                let lim = limit_markup(&shape.repeat(n), MAX_NESTING_DEPTH);
                lim.tags + lim.attributes
            };
            let one = work(1);
            for n in [2, 4, 8] {
                assert!(work(n) <= n * one, "{n} copies: {} > {n} × {one}", work(n));
            }
        }
    }

    #[test]
    fn text_of_dropped_elements_is_accounted_for() {
        let a = ex().extract(
            "<html><body><template><p>Texte du modèle.</p></template><svg><text>Étiquette</text></body></html>",
        );
        assert_eq!(a.text, "");
        assert_eq!(
            a.dropped_text,
            vec![("<svg>".to_string(), 10), ("<template>".to_string(), 17)]
        );
    }

    #[test]
    fn body_without_article() {
        let a = ex().extract("<body><div>One.</div><div>Two.</div></body>");
        assert_eq!(a.text, "One.\n\nTwo.");
    }
}
