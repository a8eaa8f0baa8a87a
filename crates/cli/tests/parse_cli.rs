//! `vigie parse` and the parsing of `vigie extract` run as a real binary.

mod common;

use common::vigie;

fn run(args: &[&str]) -> std::process::Output {
    vigie()
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("running vigie: {e}"))
}

/// The stdout of a run that must succeed.
fn stdout_of(args: &[&str]) -> String {
    let out = run(args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The word lines (integer IDs) of a CoNLL-U text, split in columns.
fn word_lines(conllu: &str) -> Vec<Vec<String>> {
    conllu
        .lines()
        .filter(|l| {
            l.split('\t')
                .next()
                .is_some_and(|id| id.parse::<u32>().is_ok())
        })
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect()
}

#[test]
fn text_gives_conllu_with_contractions_as_multiword_tokens_and_one_root() {
    let text = stdout_of(&[
        "parse",
        "--lang",
        "fr",
        "Les rebelles ont attaqué le poste au petit matin. Deux soldats sont morts.",
    ]);
    assert_eq!(text.matches("# sent_id").count(), 2, "{text}");
    assert!(
        text.lines().any(|l| l.starts_with("7-8\tau\t")),
        "au is a multiword token: {text}"
    );
    let words = word_lines(&text);
    let forms: Vec<&str> = words.iter().map(|w| w[1].as_str()).collect();
    assert!(forms.windows(2).any(|p| p == ["à", "le"]), "{forms:?}");
    for w in &words {
        assert_eq!(w.len(), 10, "{w:?}");
        assert!(w[6].parse::<u32>().is_ok(), "HEAD filled: {w:?}");
        assert_ne!(w[3], "_", "UPOS filled: {w:?}");
    }
    // one root per sentence
    let roots = words.iter().filter(|w| w[6] == "0").count();
    assert_eq!(roots, 2, "{text}");
    let attaque = words.iter().find(|w| w[1] == "attaqué");
    assert_eq!(attaque.map(|w| w[2].as_str()), Some("attaquer"));
}

#[test]
fn french_des_is_a_multiword_token_only_when_the_model_splits_it() {
    let text = stdout_of(&[
        "parse",
        "--lang",
        "fr",
        "Le bilan des frappes est lourd. Des hommes armés ont tiré.",
    ]);
    assert!(
        text.lines().any(|l| l.starts_with("3-4\tdes\t")),
        "des = de les as a range line: {text}"
    );
    let words = word_lines(&text);
    let forms: Vec<&str> = words.iter().map(|w| w[1].as_str()).collect();
    assert!(forms.windows(2).any(|p| p == ["de", "les"]), "{forms:?}");
    assert!(
        forms.contains(&"Des"),
        "the determiner stays one word: {forms:?}"
    );
}

#[test]
fn conllu_input_keeps_its_tokens_and_fills_the_annotation() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("in.conllu");
    let gold = "# text = Gunmen shelled the town.\n\
                1\tGunmen\tX\tX\t_\t_\t_\t_\t_\t_\n\
                2\tshelled\tX\tX\t_\t_\t_\t_\t_\t_\n\
                3\tthe\tX\tX\t_\t_\t_\t_\t_\t_\n\
                4\ttown\tX\tX\t_\t_\t_\t_\t_\tSpaceAfter=No\n\
                5\t.\tX\tX\t_\t_\t_\t_\t_\t_\n\n";
    std::fs::write(&path, gold).unwrap_or_else(|e| panic!("{e}"));
    let text = stdout_of(&[
        "parse",
        "--conllu",
        path.to_str().unwrap_or(""),
        "--lang",
        "en",
    ]);
    assert!(
        text.starts_with("# text = Gunmen shelled the town."),
        "{text}"
    );
    let words = word_lines(&text);
    let forms: Vec<&str> = words.iter().map(|w| w[1].as_str()).collect();
    assert_eq!(forms, ["Gunmen", "shelled", "the", "town", "."]);
    assert_eq!(words[1][2], "shell", "lemma of shelled");
    assert_eq!(words[1][3], "VERB");
    assert_eq!(words[3][9], "SpaceAfter=No", "MISC kept");
}

#[test]
fn malformed_conllu_names_its_line() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("bad.conllu");
    std::fs::write(&path, "1\tA\t_\t_\t_\t_\t_\t_\t_\t_\n2\tB\tshort\n\n")
        .unwrap_or_else(|e| panic!("{e}"));
    let out = run(&[
        "parse",
        "--conllu",
        path.to_str().unwrap_or(""),
        "--lang",
        "en",
    ]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("line 2"), "{err}");
}

#[test]
fn a_language_without_a_model_is_a_clear_error() {
    let out = run(&["parse", "--lang", "ar", "هاجم مسلحون قرية"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no syntax model for language \"ar\""), "{err}");
    assert!(err.contains("en, fr"), "{err}");
}

#[test]
fn extract_parses_by_default_and_no_parse_turns_it_off() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let article = dir.path().join("a.txt");
    std::fs::write(
        &article,
        "Des hommes armés ont attaqué mardi un poste de l'armée à Kidal, tuant trois soldats.\n\n\
         La météo était clémente.\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let report = dir.path().join("report.json");
    let a = article.to_str().unwrap_or("");
    let parsed = run(&[
        "extract",
        a,
        "--published",
        "2024-05-02",
        "--report",
        report.to_str().unwrap_or(""),
    ]);
    assert!(
        parsed.status.success(),
        "{}",
        String::from_utf8_lossy(&parsed.stderr)
    );
    let err = String::from_utf8_lossy(&parsed.stderr);
    assert!(err.contains("vigie: parsed 1 of 2 sentences"), "{err}");
    let r: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&report).unwrap_or_else(|e| panic!("{e}")))
            .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(r["parse"]["selected"], 1);
    assert_eq!(r["parse"]["parsed"], 1);
    assert!(r["parse"]["words"].as_u64().unwrap_or(0) >= 15);
    let event: serde_json::Value =
        serde_json::from_slice(parsed.stdout.split(|&b| b == b'\n').next().unwrap_or(b""))
            .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        event["rules"]
            .as_array()
            .is_some_and(|r| r.iter().any(|x| x == "fr.actor.subject")),
        "the perpetrator is read on the tree: {event}"
    );

    let plain = run(&[
        "extract",
        a,
        "--published",
        "2024-05-02",
        "--no-parse",
        "--report",
        report.to_str().unwrap_or(""),
    ]);
    assert!(plain.status.success());
    let r: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&report).unwrap_or_else(|e| panic!("{e}")))
            .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(r["parse"]["parsed"], 0, "--no-parse parses nothing");
    assert!(
        !plain.stdout.is_empty(),
        "token order still finds the event"
    );
}
