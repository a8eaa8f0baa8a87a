//! Deterministic news-like texts for benchmarks: short paragraphs in which
//! sentences written for vigie mix date expressions with numbers that are not
//! dates. Shared by `benches/find.rs` and `examples/bench_corpus.rs` (which
//! writes them out for `scripts/bench_dateparser.py`).

const FR_FRAMES: &[&str] = &[
    "Le groupe armé a revendiqué {} une attaque de drone contre une base militaire.",
    "Selon un responsable local, des tirs d'artillerie ont visé le village {}.",
    "L'armée a annoncé {} avoir intercepté trois missiles au-dessus de la province.",
    "Au moins 12 civils ont été tués {} dans une frappe aérienne, selon les secours.",
    "Les combats se poursuivent {} autour de la ville, où 30 631 personnes ont fui.",
    "{}, un convoi humanitaire transportant 10 000 tonnes d'aide a été bloqué.",
    "Le ministère a publié {} un bilan faisant état de 1 200 blessés.",
    "Des affrontements ont opposé {} des miliciens aux forces de sécurité près de la frontière.",
];
const FR_DATES: &[&str] = &[
    "mardi",
    "samedi soir",
    "le 7 janvier 2024",
    "ce dimanche 7 janvier",
    "la veille",
    "le lendemain",
    "il y a trois jours",
    "la semaine dernière",
    "fin janvier",
    "à la mi-février",
    "depuis le 7 octobre 2023",
    "dans la nuit de samedi à dimanche",
    "du 1er au 3 novembre",
    "en octobre dernier",
    "quelques jours auparavant",
    "ces derniers jours",
    "hier",
    "le mois dernier",
    "début 2024",
    "l'été 2023",
    "au premier trimestre 2023",
    "deux semaines plus tôt",
    "lundi dernier",
    "le 12/03/2024",
];
const EN_FRAMES: &[&str] = &[
    "The armed group said {} it had launched a drone attack on a military base.",
    "According to a local official, artillery fire hit the village {}.",
    "The army said {} it had intercepted three missiles over the province.",
    "At least 12 civilians were killed {} in an airstrike, rescuers said.",
    "Fighting continued {} around the city, where 30,631 people have fled.",
    "{}, an aid convoy carrying 10,000 tons of supplies was blocked.",
    "The ministry released {} a toll of 1,200 wounded.",
    "Militiamen clashed with security forces near the border {}.",
];
const EN_DATES: &[&str] = &[
    "on Tuesday",
    "Saturday night",
    "on Jan. 7, 2024",
    "on Sunday, Jan. 7",
    "the day before",
    "the next day",
    "three days ago",
    "last week",
    "in late January",
    "in mid-February",
    "since Oct. 7, 2023",
    "overnight Saturday into Sunday",
    "from Nov. 1 to Nov. 3",
    "last October",
    "a few days earlier",
    "in recent days",
    "yesterday",
    "last month",
    "early 2024",
    "in the summer of 2023",
    "in the first quarter of 2023",
    "two weeks earlier",
    "last Monday",
    "on 03/12/2024",
];

/// `n` paragraphs of five sentences each, in `lang` ("fr" or "en").
pub fn texts(lang: &str, n: usize) -> Vec<String> {
    let (frames, dates) = if lang == "en" {
        (EN_FRAMES, EN_DATES)
    } else {
        (FR_FRAMES, FR_DATES)
    };
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    (0..n)
        .map(|_| {
            let mut p = String::new();
            for k in 0..5 {
                let f = frames[(next() % frames.len() as u64) as usize];
                let d = dates[(next() % dates.len() as u64) as usize];
                let mut s = f.replacen("{}", d, 1);
                if s.starts_with(d) {
                    // capitalise a sentence-initial expression
                    let mut c = s.chars();
                    if let Some(first) = c.next() {
                        s = first.to_uppercase().chain(c).collect();
                    }
                }
                if k > 0 {
                    p.push(' ');
                }
                p.push_str(&s);
            }
            p
        })
        .collect()
}
