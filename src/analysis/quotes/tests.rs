//! Behaviour of the quote engine, one pattern at a time.

use super::*;
use crate::analysis::{EntityKind, Mention};
use crate::article::parse_plain;

/// Entities found by their names in `text`: each entry is a kind and the aliases, fullest first.
fn entities(text: &str, list: &[(EntityKind, &[&str])]) -> Vec<Entity> {
    let mut taken: Vec<(usize, usize)> = Vec::new();
    let mut out: Vec<Entity> = list
        .iter()
        .map(|(kind, aliases)| Entity {
            kind: *kind,
            name: aliases[0].to_string(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            mentions: Vec::new(),
        })
        .collect();
    let mut forms: Vec<(usize, &str)> = list
        .iter()
        .enumerate()
        .flat_map(|(i, (_, aliases))| aliases.iter().map(move |a| (i, *a)))
        .collect();
    forms.sort_by_key(|(_, a)| std::cmp::Reverse(a.len()));
    for (i, form) in forms {
        for (at, _) in text.match_indices(form) {
            let end = at + form.len();
            let bounded = !text[..at].ends_with(|c: char| c.is_alphanumeric())
                && !text[end..].starts_with(|c: char| c.is_alphanumeric());
            if bounded && !taken.iter().any(|&(s, e)| s < end && at < e) {
                taken.push((at, end));
                out[i].mentions.push(Mention { start: at, end });
            }
        }
    }
    for e in &mut out {
        e.mentions.sort();
    }
    out
}

fn person<'a>(aliases: &'a [&'a str]) -> (EntityKind, &'a [&'a str]) {
    (EntityKind::Person, aliases)
}

/// (quoted words, kind, speaker name, cue) for each quote.
fn run(
    text: &str,
    list: &[(EntityKind, &[&str])],
) -> Vec<(String, QuoteKind, Option<String>, Option<String>)> {
    let article = parse_plain(text.to_string());
    let ents = entities(text, list);
    find(&article, &ents)
        .into_iter()
        .map(|q| {
            (
                text[q.start..q.end].to_string(),
                q.kind,
                q.speaker
                    .map(|s| ents[s].name.clone())
                    .or(q.speaker_text.map(|t| format!("({t})"))),
                q.cue,
            )
        })
        .collect()
}

fn speakers(text: &str, list: &[(EntityKind, &[&str])]) -> Vec<(String, Option<String>)> {
    run(text, list)
        .into_iter()
        .map(|(w, _, s, _)| (w, s))
        .collect()
}

fn s(x: &str) -> Option<String> {
    Some(x.to_string())
}

const BODY: &str = "Headline for the story\n\n";

#[test]
fn quote_then_name_said() {
    let text = format!("{BODY}“We are not going anywhere,” Jane Doe said on Monday.");
    let r = run(&text, &[person(&["Jane Doe", "Doe"])]);
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].0, "We are not going anywhere,");
    assert_eq!(r[0].1, QuoteKind::Direct);
    assert_eq!(r[0].2, s("Jane Doe"));
    assert_eq!(r[0].3, s("said"));
}

#[test]
fn quote_then_said_name() {
    let text = format!("{BODY}“It was a long night,” said Paul Smith, the mayor of the town.");
    assert_eq!(
        speakers(&text, &[person(&["Paul Smith", "Smith"])]),
        [("It was a long night,".into(), s("Paul Smith"))]
    );
}

#[test]
fn name_said_then_quote() {
    let text = format!("{BODY}Jane Doe said, “We will appeal the ruling.”");
    let r = run(&text, &[person(&["Jane Doe", "Doe"])]);
    assert_eq!(r[0].1, QuoteKind::Direct);
    assert_eq!(r[0].2, s("Jane Doe"));
}

#[test]
fn colon_lead_ins() {
    let text = format!(
        "{BODY}It even prompted a tweet from President Trump: “North Korea has announced that it will dismantle the site.” Later, Mike Pompeo told reporters: “We are ready.”"
    );
    let r = run(
        &text,
        &[
            person(&["Donald Trump", "Trump"]),
            person(&["Mike Pompeo", "Pompeo"]),
        ],
    );
    assert_eq!(r[0].2, s("Donald Trump"));
    assert_eq!(r[0].3, s("tweet"));
    assert_eq!(r[1].2, s("Mike Pompeo"));
    assert_eq!(r[1].3, s("told"));
}

#[test]
fn pronoun_resolves_to_the_last_person_who_fits() {
    let text = format!(
        "{BODY}Mrs. Alice Green met Tom Brown on Tuesday. She left early. Mr. Brown stayed.\n\n“It went well,” she said.\n\n“We agreed on nothing,” he said."
    );
    let list = [
        person(&["Alice Green", "Green"]),
        person(&["Tom Brown", "Brown"]),
    ];
    let r = speakers(&text, &list);
    assert_eq!(r[0].1, s("Alice Green"));
    assert_eq!(r[1].1, s("Tom Brown"));
}

#[test]
fn an_object_pronoun_and_its_gender_after_a_name_are_someone_else() {
    // `her` and `She` are the woman Tarn stopped; `he` is Tarn.
    let text = format!(
        "{BODY}Tarn Voss stopped her at the gate. She wept, and he held her hand.\n\nTarn Voss and Quill Marsh talked for hours.\n\n“We will win,” he said."
    );
    let list = [
        person(&["Tarn Voss", "Voss"]),
        person(&["Quill Marsh", "Marsh"]),
    ];
    let r = speakers(&text, &list);
    assert_eq!(r[0].1, s("Tarn Voss"));
}

#[test]
fn descriptor_beside_the_name() {
    let text = format!(
        "{BODY}“The plant will stay open,” Jane Doe, a spokeswoman for Acme Corp, said. A spokesman, John Roe, said: “We disagree.”"
    );
    let list = [
        person(&["Jane Doe"]),
        person(&["John Roe"]),
        (EntityKind::Org, &["Acme Corp"][..]),
    ];
    let r = speakers(&text, &list);
    assert_eq!(r[0].1, s("Jane Doe"));
    assert_eq!(r[1].1, s("John Roe"));
}

#[test]
fn a_cue_ending_the_previous_paragraph() {
    let text = format!(
        "{BODY}In a statement on Friday, Jane Doe said:\n\n“We have done nothing wrong and we will prove it in court.”"
    );
    assert_eq!(
        speakers(&text, &[person(&["Jane Doe"])])[0].1,
        s("Jane Doe")
    );
}

#[test]
fn a_quotation_over_several_paragraphs_keeps_its_speaker() {
    let text = format!(
        "{BODY}“This is the first part of a long statement,” said Jane Doe. “It goes on.\n\n“And it goes on here.\n\n“And it ends here.”\n\nThe end."
    );
    let r = speakers(&text, &[person(&["Jane Doe"])]);
    assert_eq!(r.len(), 2);
    assert_eq!(
        r[1].0,
        "It goes on.\n\n“And it goes on here.\n\n“And it ends here."
    );
    assert_eq!(r[1].1, s("Jane Doe"));
}

#[test]
fn partial_quotes_take_the_subject_of_their_verb() {
    let text = format!(
        "{BODY}Secretary of State Mike Pompeo, who has met the leader twice, has said the administration was heading into these talks with its “eyes open” even so. National Security Advisor John Bolton, a frequent critic of diplomacy with North Korea recently said that the administration will use the “Libya model” in the talks. President Trump has expressed his desire for a deal, saying Kim Jong-Un has acted “honorably” throughout."
    );
    let list = [
        person(&["Mike Pompeo"]),
        person(&["John Bolton"]),
        person(&["Donald Trump", "Trump"]),
        person(&["Kim Jong-Un"]),
        (EntityKind::Place, &["North Korea"][..]),
    ];
    let r = run(&text, &list);
    assert_eq!(r.len(), 3);
    for q in &r {
        assert_eq!(q.1, QuoteKind::Partial, "{q:?}");
    }
    assert_eq!(r[0].2, s("Mike Pompeo"));
    assert_eq!(r[1].2, s("John Bolton"));
    assert_eq!(r[2].2, s("Donald Trump"));
}

#[test]
fn scare_quotes_have_no_speaker() {
    let text = format!(
        "{BODY}The so-called “Libya model” is back. Critics of the “reforms” were loud, and the film “The Art of the Deal” opened."
    );
    let r = run(&text, &[]);
    assert!(
        r.iter().all(|q| q.1 == QuoteKind::Scare && q.2.is_none()),
        "{r:?}"
    );
}

#[test]
fn an_unnamed_speaker_is_text_not_a_guess() {
    let text = format!(
        "{BODY}Jane Doe arrived late. “We will not comment on that,” a senior administration official said."
    );
    let r = run(&text, &[person(&["Jane Doe"])]);
    assert_eq!(r[0].2, s("(a senior administration official)"));
}

#[test]
fn according_to() {
    let text = format!("{BODY}The talks are “at a dead end,” according to Jane Doe.");
    let r = run(&text, &[person(&["Jane Doe"])]);
    assert_eq!(r[0].1, QuoteKind::Partial);
    assert_eq!(r[0].2, s("Jane Doe"));
    assert_eq!(r[0].3, s("according to"));
}

#[test]
fn said_the_title_names_the_titled_person() {
    let text = format!(
        "{BODY}She greeted Prince Vasíli Kurágin at the door.\n\n\"Heavens! what a virulent attack!\" replied the prince, not in the least disconcerted.\n\n\"I thought so,\" said he. \"And you?\""
    );
    let r = speakers(&text, &[person(&["Vasíli Kurágin", "Vasíli"])]);
    assert_eq!(r.len(), 3);
    assert!(r.iter().all(|q| q.1 == s("Vasíli Kurágin")), "{r:?}");
}

#[test]
fn split_dialogue_shares_its_speaker() {
    let text = format!(
        "{BODY}\"I think,\" said Anna Pávlovna with a smile, \"that if you had been sent you would have won.\""
    );
    let r = speakers(&text, &[person(&["Anna Pávlovna"])]);
    assert_eq!(r.len(), 2);
    assert!(r.iter().all(|q| q.1 == s("Anna Pávlovna")), "{r:?}");
}

#[test]
fn a_following_uncued_paragraph_continues_the_speaker() {
    let text = format!(
        "{BODY}“We are very excited about this,” said Jane Doe.\n\n“It is a great day for the city.”\n\nThe council met later."
    );
    let r = speakers(&text, &[person(&["Jane Doe"])]);
    assert_eq!(r[1].1, s("Jane Doe"));
}

#[test]
fn apostrophes_never_open_quotes() {
    let text = format!(
        "{BODY}The site’s owner said Andrew’s band played ’90s rock ’n’ roll and didn’t stop."
    );
    assert!(run(&text, &[]).is_empty());
}

#[test]
fn nested_quotes_come_after_their_parent() {
    let text = format!("{BODY}“He told me ‘never give up,’ and I did not,” Jane Doe said.");
    let r = run(&text, &[person(&["Jane Doe"])]);
    assert_eq!(r.len(), 2);
    assert_eq!(r[0].2, s("Jane Doe"));
    assert_eq!(r[1].0, "never give up,");
    assert_eq!(r[1].2, None);
}

#[test]
fn unbalanced_marks_stay_in_their_paragraph() {
    let text = format!(
        "{BODY}He called it “a mess and walked out.\n\nThe next paragraph is plain.\n\n“Fine,” she said."
    );
    let r = run(&text, &[]);
    assert_eq!(r.len(), 2);
    assert_eq!(r[0].0, "a mess and walked out.");
}

#[test]
fn a_run_of_paragraphs_that_never_close_is_cut() {
    let paragraphs = vec!["“Open and never closed, on and on."; 60].join("\n\n");
    let text = format!("{BODY}{paragraphs}");
    let r = run(&text, &[]);
    assert!(r.len() >= 2, "cut into several quotations, got {}", r.len());
    assert!(r.iter().all(|q| q.0.matches("never closed").count() <= 25));
}

#[test]
fn a_tag_sentence_after_an_exclamation() {
    let text = format!("{BODY}“Thank you, a very smart and gracious gesture!” Trump tweeted.");
    let r = run(&text, &[person(&["Donald Trump", "Trump"])]);
    assert_eq!(r[0].2, s("Donald Trump"));
    assert_eq!(r[0].3, s("tweeted"));
}

#[test]
fn title_case_helper() {
    assert!(is_title_case("The Art of the Deal"));
    assert!(!is_title_case("eyes open"));
    assert!(!is_title_case("We won."));
}

#[test]
fn a_clause_after_a_partial_quote_is_not_its_attribution() {
    let text = format!("{BODY}The minister, Claire Dubois, told reporters that the draft was « un premier pas », a first step, and said Europe was ready.");
    let r = run(&text, &[person(&["Claire Dubois"])]);
    assert_eq!(r[0].2, s("Claire Dubois"));
    assert_eq!(r[0].3, s("told"));
}

#[test]
fn the_agency_names_the_last_organisation() {
    let text = format!("{BODY}The National Weather Service said the storm was moving north. “Flash flooding remains the biggest threat,” the agency said.");
    let r = run(
        &text,
        &[(EntityKind::Org, &["National Weather Service"][..])],
    );
    assert_eq!(r[0].2, s("National Weather Service"));
}

#[test]
fn descriptors_with_commas_of_their_own() {
    let text = format!(
        "{BODY}Cynthia Thompson, curator at the University of Arkansas, Fayetteville, said, “These images matter.” After the match, Hernan Gomez, Panama coach, said, “We learned a lot.” After meeting Jones, the official, who declined to be named, said, “No.”"
    );
    let list = [
        person(&["Cynthia Thompson"]),
        person(&["Hernan Gomez"]),
        person(&["Jones"]),
        (EntityKind::Org, &["University of Arkansas", "Panama"][..]),
    ];
    let r = speakers(&text, &list);
    assert_eq!(r[0].1, s("Cynthia Thompson"));
    assert_eq!(r[1].1, s("Hernan Gomez"));
    assert_eq!(r[2].1, s("(the official)"));
}

#[test]
fn the_owner_of_a_statement() {
    let text = format!("{BODY}“There is no question,” Cornyn's statement added.");
    let r = speakers(&text, &[person(&["John Cornyn", "Cornyn"])]);
    assert_eq!(r[0].1, s("John Cornyn"));
}

#[test]
fn a_pronoun_prefers_the_source_to_the_subject_of_the_story() {
    let text = format!(
        "{BODY}Andy Warhol made many photographs.\n\nFor Kevin Allton, a USI instructor in English, Warhol was also a legend. He said, “Andy Warhol was the center of the Zeitgeist.”"
    );
    let r = speakers(
        &text,
        &[
            person(&["Andy Warhol", "Warhol"]),
            person(&["Kevin Allton", "Allton"]),
        ],
    );
    assert_eq!(r[0].1, s("Kevin Allton"));
}

#[test]
fn the_sentence_before_leads_in() {
    let text = format!(
        "{BODY}Senator John Cornyn, Republican from Texas, issued a statement regarding the decision. “Like many Texans, I am disappointed.”"
    );
    let r = speakers(&text, &[person(&["John Cornyn", "Cornyn"])]);
    assert_eq!(r[0].1, s("John Cornyn"));
}

#[test]
fn an_organisation_leading_a_title_is_not_the_speaker() {
    let text = format!(
        "{BODY}Civil Defense Authority director General Suleiman al-Amr, in remarks to television, said “All the wounded have been taken to hospital.”"
    );
    let list = [
        person(&["Suleiman al-Amr"]),
        (EntityKind::Org, &["Civil Defense Authority"][..]),
    ];
    assert_eq!(speakers(&text, &list)[0].1, s("Suleiman al-Amr"));
}

#[test]
fn according_to_a_pronoun_and_a_dash_before_the_cue() {
    let text = format!(
        "{BODY}Jane Doe runs the shelter. The place is “full every night,” according to her. “We need more beds” — she said it twice."
    );
    let r = speakers(&text, &[person(&["Jane Doe"])]);
    assert_eq!(r[0].1, s("Jane Doe"));
    assert_eq!(r[1].1, s("Jane Doe"));
}

#[test]
fn a_verb_form_after_a_determiner_is_a_noun() {
    let text = format!("{BODY}Jane Doe said the call with the mayor was “productive.”");
    let r = run(&text, &[person(&["Jane Doe"])]);
    assert_eq!(r[0].2, s("Jane Doe"));
    assert_eq!(r[0].3, s("said"));
}

#[test]
fn a_determiner_and_one_word_before_a_verb_is_its_subject() {
    // `the following comment` is a noun, but `the president said` and `his surrogates
    // called` are verbs with their subjects.
    let text = format!(
        "{BODY}Jane Doe made the following comment: “We will stay.”\n\nIt was, the mayor said, “a stone of sorrow.” His aides called him “a genius.”"
    );
    let r = run(&text, &[person(&["Jane Doe"])]);
    assert_eq!(r[0].2, s("Jane Doe"), "{r:?}");
    assert_eq!(r[1].2, s("(the mayor)"), "{r:?}");
    assert_eq!(r[2].2, s("(His aides)"), "{r:?}");
}

#[test]
fn nicknames_and_titles_after_prepositions_are_no_speech() {
    let text = format!(
        "{BODY}State Del. Marcia “Cia” Price shouted to the crowd. In an interview on CBS’s “Face the Nation,” Paul Ryan said the spate was sad."
    );
    let r = run(&text, &[person(&["Marcia Price"]), person(&["Paul Ryan"])]);
    assert!(r.iter().all(|q| q.1 == QuoteKind::Scare), "{r:?}");
}

#[test]
fn the_object_of_told_is_no_speaker() {
    let text = format!(
        "{BODY}John Dickey, the chief executive of Ora Media, told me, “We are a content provider.”"
    );
    let r = run(
        &text,
        &[person(&["John Dickey"]), (EntityKind::Org, &["Ora Media"])],
    );
    assert_eq!(r[0].2, s("John Dickey"), "{r:?}");
}

#[test]
fn a_surname_the_entity_list_missed_still_names_its_person() {
    let text = format!("{BODY}Union leader Dave Kowalski was angry.\n\n“We gave them everything,” Kowalski said. “Never again,” said Smith.");
    let mut ents = entities(&text, &[person(&["Dave Kowalski"])]);
    // The finder saw only the full name.
    ents[0].mentions.truncate(1);
    let article = parse_plain(text.clone());
    let found = find(&article, &ents);
    assert_eq!(found[0].speaker, Some(0));
    // An unknown name stays words, never a guess.
    assert_eq!(found[1].speaker, None);
    assert_eq!(found[1].speaker_text.as_deref(), Some("Smith"));
}

#[test]
fn the_last_word_of_a_longer_cue_is_read_with_it() {
    let text = format!(
        "{BODY}Its chief executive, Marcus Lind, wrote in a blog post that the company had “made mistakes” last year."
    );
    let r = run(&text, &[person(&["Marcus Lind", "Lind"])]);
    assert_eq!(r[0].2, s("Marcus Lind"));
    // The verb reports; the noun after it (`blog post`, not `post`) says where.
    assert_eq!(r[0].3, s("wrote"));
}

#[test]
fn a_role_without_an_article_introduces_a_source() {
    // `Agnes` stands for a person the entity list got wrong; the source named with her role
    // earlier in the paragraph is the one `she` means.
    let text = format!(
        "{BODY}Linda Marsh, president of the nurses' union, said talks had failed. Speaking outside St. Agnes, she said: “We have waited long enough.”"
    );
    let r = speakers(
        &text,
        &[person(&["Linda Marsh", "Marsh"]), person(&["Agnes"])],
    );
    assert_eq!(r[0].1, s("Linda Marsh"));
}

#[test]
fn a_relative_of_the_person_says_nothing_of_their_gender() {
    let text = format!(
        "{BODY}Mr. Tom Reed, a doctor, said the ward was full.\n\nGloria Evans, whose husband is in hospital, said the nurses who cared for him were “wonderful.”\n\n“I support them,” she said."
    );
    let r = speakers(
        &text,
        &[
            person(&["Gloria Evans", "Evans"]),
            person(&["Tom Reed", "Reed"]),
        ],
    );
    assert_eq!(r[0].1, s("Gloria Evans"));
    assert_eq!(r[1].1, s("Gloria Evans"));
}

#[test]
fn a_name_led_by_an_honorific_is_a_person_whatever_its_kind() {
    let text = format!(
        "{BODY}Northgate Health's chief nursing officer, Dr. Helen Park, said care was unaffected. “Our patients are safe,” she said."
    );
    let list = [
        person(&["Northgate Health"]),
        (EntityKind::Place, &["Dr. Helen Park"][..]),
    ];
    assert_eq!(speakers(&text, &list)[0].1, s("Dr. Helen Park"));
}

#[test]
fn a_possessive_name_in_a_descriptor_is_not_the_speaker() {
    let text = format!(
        "{BODY}Tom Smith was charged on Monday.\n\n“He is innocent,” Mary Lee, Smith’s lawyer, said. “We will appeal,” said Ann Cole, Smith's sister."
    );
    let r = speakers(
        &text,
        &[
            person(&["Tom Smith", "Smith"]),
            person(&["Mary Lee", "Lee"]),
            person(&["Ann Cole", "Cole"]),
        ],
    );
    assert_eq!(r[0].1, s("Mary Lee"));
    assert_eq!(r[1].1, s("Ann Cole"));
}

#[test]
fn quoted_as_saying_names_the_person_quoted() {
    let text = format!(
        "{BODY}Tom Smith left the party in May.\n\n“We are done,” the Daily Post quoted Smith as saying. Mary Lee quoted Tom Smith as saying “it is over” at the time."
    );
    let r = speakers(
        &text,
        &[
            person(&["Tom Smith", "Smith"]),
            person(&["Mary Lee", "Lee"]),
        ],
    );
    assert_eq!(r[0].1, s("Tom Smith"));
    assert_eq!(r[1].1, s("Tom Smith"));
}

#[test]
fn a_title_in_a_descriptor_names_the_person_by_it() {
    let text = format!(
        "{BODY}Mary Lee, the city’s mayor, met Tom Smith, a spokesman for the governor, on Monday.\n\n“It went well,” the mayor said. “We will see,” the governor said."
    );
    let r = speakers(
        &text,
        &[
            person(&["Mary Lee", "Lee"]),
            person(&["Tom Smith", "Smith"]),
        ],
    );
    assert_eq!(r[0].1, s("Mary Lee"));
    assert_eq!(r[1].1, s("(the governor)"));
}

/// Runs one example of a rule: the quotation it names must get its speaker from that rule.
fn check_example(rule: RuleId, ex: &Example) -> Result<(), String> {
    let text = format!("{BODY}{}", ex.text);
    let list: Vec<(EntityKind, Vec<&str>)> = ex
        .people
        .iter()
        .map(|p| {
            if let Some(org) = p.strip_prefix("org:") {
                (EntityKind::Org, org.split('|').collect())
            } else if let Some(place) = p.strip_prefix("place:") {
                (EntityKind::Place, place.split('|').collect())
            } else if let Some(date) = p.strip_prefix("date:") {
                (EntityKind::Date, date.split('|').collect())
            } else {
                (EntityKind::Person, p.split('|').collect())
            }
        })
        .collect();
    let borrowed: Vec<(EntityKind, &[&str])> =
        list.iter().map(|(k, a)| (*k, a.as_slice())).collect();
    let ents = entities(&text, &borrowed);
    let article = parse_plain(text.clone());
    let found = find(&article, &ents);
    let q = found
        .iter()
        .find(|q| text[q.start..q.end].starts_with(ex.quote))
        .ok_or_else(|| format!("no quote starts with {:?}", ex.quote))?;
    let speaker = q
        .speaker
        .map(|s| ents[s].name.clone())
        .or(q.speaker_text.as_ref().map(|t| format!("({t})")));
    // A link is checked as the link of whichever rule read the words.
    let decided_by = q
        .trace
        .as_ref()
        .and_then(|t| if rule.is_link() { t.link } else { Some(t.rule) });
    if speaker.as_deref() != ex.speaker || decided_by != Some(rule) {
        return Err(format!(
            "{}: {:?}: got {speaker:?} by {:?}, want {:?}",
            rule.id(),
            ex.quote,
            decided_by.map(RuleId::id),
            ex.speaker
        ));
    }
    Ok(())
}

#[test]
fn every_rule_decides_its_own_examples() {
    let failures: Vec<String> = RULES
        .iter()
        .flat_map(|r| r.examples.iter().map(move |ex| check_example(r.id, ex)))
        .filter_map(Result::err)
        .collect();
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn every_rule_has_examples_and_ids_are_unique() {
    for r in RULES {
        assert!(!r.examples.is_empty(), "{} has no examples", r.id.id());
    }
    let mut ids: Vec<&str> = RULES.iter().map(|r| r.id.id()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), RULES.len());
}

#[test]
fn a_headline_reads_its_capitalised_reporting_words() {
    let text = "Chris Christie Calls Hillary Clinton ‘A Disgrace’ Over Police Comments\n\nNew Jersey Gov. Chris Christie spoke on Friday.";
    let r = run(
        text,
        &[
            person(&["Chris Christie", "Christie"]),
            person(&["Hillary Clinton", "Clinton"]),
        ],
    );
    assert_eq!(r[0].0, "A Disgrace");
    assert_eq!(r[0].1, QuoteKind::Partial);
    assert_eq!(r[0].2, s("Chris Christie"));
}

#[test]
fn other_languages_marks_and_reporting_words() {
    let text = format!(
        "{BODY}« Nous ne partirons pas », a dit Marie Dupont hier.\n\nElle a ajouté : « Jamais. »\n\n李明说：“我们明天去北京。”\n\n“No lo sé”, dijo Juan Pérez."
    );
    let r = run(&text, &[person(&["Marie Dupont"]), person(&["Juan Pérez"])]);
    assert_eq!(r.len(), 4, "{r:?}");
    assert_eq!(r[0].2, s("Marie Dupont"));
    assert_eq!(r[0].3, s("a dit"));
    assert_eq!(r[1].2, s("Marie Dupont"));
    // A quotation after `说：` is speech, not a term set apart.
    assert_eq!(r[2].0, "我们明天去北京。");
    assert_eq!(r[2].1, QuoteKind::Direct);
    assert_eq!(r[3].2, s("Juan Pérez"));
}

#[test]
fn a_participle_describing_a_thing_written_names_no_speaker() {
    let text = "Anna Scherer had a cough.\n\nAll her invitations without exception, written in French, ran as follows:\n\n\"If you have nothing better to do, Count, I shall be charmed to see you tonight.\"";
    let r = run(text, &[person(&["Anna Scherer", "Anna"])]);
    assert_eq!(r.len(), 1);
    assert_ne!(r[0].2.as_deref(), Some("(exception)"));
    // With an auxiliary the participle reports: `She has written, “…”`.
    let text = "Anna Scherer has written: \"I shall be charmed to see you tonight.\"";
    let r = run(text, &[person(&["Anna Scherer", "Anna"])]);
    assert_eq!(r[0].2.as_deref(), Some("Anna Scherer"));
}
