// The language rules of the segmenter, one literal case per rule and language: the input, the
// sentences expected, and their spans. A span is checked against the place where the expected
// sentence stands in the input (its first occurrence after the previous sentence), so every
// case checks text and byte offsets; SpanCases below spell offsets out where bytes are tricky.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tandem/core/segmenter.h"
#include "test_util.h"

namespace tandem {
namespace {

StatusOr<Document> SegmentString(const std::string& text, const std::string& language,
                                 ParagraphMode mode = ParagraphMode::kAuto) {
  SegmentOptions options;
  options.language = language;
  options.paragraphs = mode;
  TANDEM_ASSIGN_OR_RETURN(Segmenter segmenter, Segmenter::Create(options));
  TANDEM_ASSIGN_OR_RETURN(DecodedText decoded, DecodeText(text, "case.txt"));
  return segmenter.Segment(std::move(decoded), "case.txt");
}

struct RuleCase {
  const char* name;
  const char* language;
  std::string text;
  std::vector<std::string> sentences;
};

void PrintTo(const RuleCase& c, std::ostream* os) { *os << c.name; }

class RuleCases : public ::testing::TestWithParam<RuleCase> {};

TEST_P(RuleCases, SentencesAndSpans) {
  const RuleCase& c = GetParam();
  StatusOr<Document> doc = SegmentString(c.text, c.language);
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  std::vector<std::string> got;
  for (std::string_view s : doc->SentenceTexts()) got.emplace_back(s);
  EXPECT_EQ(got, c.sentences);
  std::size_t from = 0;
  for (std::size_t i = 0; i < doc->sentences.size() && i < c.sentences.size(); ++i) {
    const std::size_t at = c.text.find(c.sentences[i], from);
    EXPECT_EQ(doc->sentences[i].span, (Span{at, at + c.sentences[i].size()})) << "sentence " << i;
    from = at + c.sentences[i].size();
  }
  EXPECT_TRUE(ValidateDocument(*doc).ok()) << ValidateDocument(*doc).message();
}

// English.
INSTANTIATE_TEST_SUITE_P(
    English, RuleCases,
    ::testing::Values(
        // Abbreviations are whole words, in three classes.
        RuleCase{"title_never_ends",
                 "en",
                 "Mr. Brown met Dr. Green at noon.",
                 {"Mr. Brown met Dr. Green at noon."}},
        RuleCase{"abbreviation_is_a_whole_word",
                 "en",
                 "Open the app. Then press start.",
                 {"Open the app.", "Then press start."}},
        RuleCase{"before_number_protects_a_number",
                 "en",
                 "We read pp. 12-14 today.",
                 {"We read pp. 12-14 today."}},
        RuleCase{"before_number_is_a_word_otherwise",
                 "en",
                 "The vote was Yes. No. The rest abstained.",
                 {"The vote was Yes.", "No.", "The rest abstained."}},
        RuleCase{"can_end_inside",
                 "en",
                 "She works for Acme Co. in Ohio.",
                 {"She works for Acme Co. in Ohio."}},
        RuleCase{"can_end_before_a_starter",
                 "en",
                 "She works for Acme Co. They pay well.",
                 {"She works for Acme Co.", "They pay well."}},
        RuleCase{"can_end_lower_case_form",
                 "en",
                 "Ask Jane and co. They will know.",
                 {"Ask Jane and co.", "They will know."}},
        RuleCase{"list_abbreviation_capitalised_at_start",
                 "en",
                 "Etc. is short for et cetera.",
                 {"Etc. is short for et cetera."}},
        // Multi-period abbreviations and chains of initials.
        RuleCase{"multi_period_inside",
                 "en",
                 "The U.S.S.R. signed the pact in 1939.",
                 {"The U.S.S.R. signed the pact in 1939."}},
        RuleCase{"multi_period_before_a_name",
                 "en",
                 "The Council of the G.P.U. Volinsky came at once.",
                 {"The Council of the G.P.U. Volinsky came at once."}},
        RuleCase{"multi_period_before_a_noun",
                 "en",
                 "He joined the U.S. Navy in 1942.",
                 {"He joined the U.S. Navy in 1942."}},
        RuleCase{"multi_period_at_the_end",
                 "en",
                 "He moved to the U.S. It was 1990.",
                 {"He moved to the U.S.", "It was 1990."}},
        RuleCase{"dotted_lower_case_never_before_lower",
                 "en",
                 "Bring fruit, e.g. apples or pears.",
                 {"Bring fruit, e.g. apples or pears."}},
        RuleCase{"time_inside", "en", "Leave at 7 a.m. tomorrow.", {"Leave at 7 a.m. tomorrow."}},
        RuleCase{"time_at_the_end",
                 "en",
                 "We left at 7 p.m. We were tired.",
                 {"We left at 7 p.m.", "We were tired."}},
        RuleCase{"fronted_time_before_a_title",
                 "en",
                 "At 6 a.m. Mrs. Lee opened the shop.",
                 {"At 6 a.m. Mrs. Lee opened the shop."}},
        RuleCase{"time_at_the_end_before_a_title",
                 "en",
                 "The shop closed at 9 P.M. Mr. Lee locked it.",
                 {"The shop closed at 9 P.M.", "Mr. Lee locked it."}},
        RuleCase{"initials_without_space",
                 "en",
                 "L.D. Trotsky wrote the letter.",
                 {"L.D. Trotsky wrote the letter."}},
        RuleCase{"initials_with_spaces",
                 "en",
                 "L. D. Trotsky wrote it in exile.",
                 {"L. D. Trotsky wrote it in exile."}},
        RuleCase{"chain_of_initials",
                 "en",
                 "A. E. X. Wilson arrived late.",
                 {"A. E. X. Wilson arrived late."}},
        RuleCase{"pronoun_i_is_not_an_initial",
                 "en",
                 "That was you and I. Smith left early.",
                 {"That was you and I.", "Smith left early."}},
        RuleCase{"i_as_an_initial",
                 "en",
                 "We met Albert I. Jones there.",
                 {"We met Albert I. Jones there."}},
        RuleCase{"single_lower_case_letter",
                 "en",
                 "See p. 55 for the details.",
                 {"See p. 55 for the details."}},
        // Numbered references, decimals, times.
        RuleCase{"reference_chain",
                 "en",
                 "First Published: The Militant, Vol. II. No. 7, 1 April 1929, pp.\u00a01\u00a0&"
                 "\u00a04.",
                 {"First Published: The Militant, Vol. II. No. 7, 1 April 1929, pp.\u00a01\u00a0&"
                  "\u00a04."}},
        RuleCase{"article_number",
                 "en",
                 "Under Art. 58 he was exiled.",
                 {"Under Art. 58 he was exiled."}},
        RuleCase{"number_ends_a_sentence",
                 "en",
                 "See Fig. 3. The curve rises.",
                 {"See Fig. 3.", "The curve rises."}},
        RuleCase{"decimal_and_price",
                 "en",
                 "It costs $4.50 now. Prices rise by 3.5 percent.",
                 {"It costs $4.50 now.", "Prices rise by 3.5 percent."}},
        RuleCase{"time_with_colon",
                 "en",
                 "We met at 10:30. Then we left.",
                 {"We met at 10:30.", "Then we left."}},
        RuleCase{"time_with_period",
                 "en",
                 "The train leaves at 10.45 sharp.",
                 {"The train leaves at 10.45 sharp."}},
        RuleCase{"number_after_a_sentence_end",
                 "en",
                 "He won in 1929. 10 years later he lost.",
                 {"He won in 1929.", "10 years later he lost."}},
        // Addresses.
        RuleCase{"url_at_the_end",
                 "en",
                 "Visit https://example.org/a/b.html. It loads fast.",
                 {"Visit https://example.org/a/b.html.", "It loads fast."}},
        RuleCase{
            "url_inside", "en", "See www.Example.org for more.", {"See www.Example.org for more."}},
        RuleCase{"email",
                 "en",
                 "Write to Jane.Doe@example.org. She answers.",
                 {"Write to Jane.Doe@example.org.", "She answers."}},
        // Ellipses.
        RuleCase{"ellipsis_inside",
                 "en",
                 "I was ... well, tired... and cold.",
                 {"I was ... well, tired... and cold."}},
        RuleCase{
            "four_dots_end", "en", "I never knew.... She left.", {"I never knew....", "She left."}},
        RuleCase{"bracketed_ellipsis",
                 "en",
                 "\"Words [...] were lost [...]\" (Smith 12).",
                 {"\"Words [...] were lost [...]\" (Smith 12)."}},
        RuleCase{"spaced_ellipsis_inside",
                 "en",
                 "And the thing is . . . I did not know.",
                 {"And the thing is . . . I did not know."}},
        RuleCase{"spaced_four_dots_end",
                 "en",
                 "It ended with a period . . . . The next began.",
                 {"It ended with a period . . . .", "The next began."}},
        RuleCase{"period_then_spaced_ellipsis",
                 "en",
                 "It was weakened. . . . The habit stayed.",
                 {"It was weakened.", ". . . The habit stayed."}},
        RuleCase{"ellipsis_character",
                 "en",
                 "Wait\u2026 Then he left\u2026 and came back.",
                 {"Wait\u2026", "Then he left\u2026 and came back."}},
        // Quotations and brackets after the final punctuation; ! and ? inside sentences.
        RuleCase{"straight_quote_after_period",
                 "en",
                 "He said, \"Go home.\" She went.",
                 {"He said, \"Go home.\"", "She went."}},
        RuleCase{"curly_quote_after_period",
                 "en",
                 "She wrote, \u201cIt is late.\u201d Then she slept.",
                 {"She wrote, \u201cIt is late.\u201d", "Then she slept."}},
        RuleCase{"bracket_after_period",
                 "en",
                 "(He left early.) The rest stayed.",
                 {"(He left early.)", "The rest stayed."}},
        RuleCase{"bracketed_sentence_inside",
                 "en",
                 "He taught (he had worked as an engineer.) at the school.",
                 {"He taught (he had worked as an engineer.) at the school."}},
        RuleCase{"question_in_a_quotation", "en", "\"Why?\" she asked.", {"\"Why?\" she asked."}},
        RuleCase{"exclamation_in_a_quotation",
                 "en",
                 "\"Stop!\" he cried. Nobody did.",
                 {"\"Stop!\" he cried.", "Nobody did."}},
        RuleCase{"exclamation_in_a_name",
                 "en",
                 "She works at Yahoo! in sales.",
                 {"She works at Yahoo! in sales."}},
        RuleCase{"multi_sentence_quotation",
                 "en",
                 "\"We go. We stay. \" Then they left.",
                 {"\"We go.", "We stay. \"", "Then they left."}},
        // Lists inside a paragraph.
        RuleCase{
            "numbered_list", "en", "1. Buy milk 2. Buy bread", {"1. Buy milk", "2. Buy bread"}},
        RuleCase{
            "lettered_list", "en", "a) red b) green c) blue", {"a) red", "b) green", "c) blue"}},
        RuleCase{"bullet_list",
                 "en",
                 "\u2022 First item \u2022 Second item",
                 {"\u2022 First item", "\u2022 Second item"}},
        RuleCase{"list_items_with_periods",
                 "en",
                 "1) The first. 2) The second.",
                 {"1) The first.", "2) The second."}},
        RuleCase{"footnote_label",
                 "en",
                 "1. Article 58 deals with it. It was used.",
                 {"1. Article 58 deals with it.", "It was used."}},
        // Citations, glued sentences, text without capitals, stray periods.
        RuleCase{"citation_stays_with_its_sentence",
                 "en",
                 "This is well known. [12] Others disagree.",
                 {"This is well known. [12]", "Others disagree."}},
        RuleCase{"no_space_after_period",
                 "en",
                 "It ended.Then it began.",
                 {"It ended.", "Then it began."}},
        RuleCase{"no_space_in_addresses",
                 "en",
                 "Mail jane.Doe@example.org or see www.Example.org/News.Today now.",
                 {"Mail jane.Doe@example.org or see www.Example.org/News.Today now."}},
        RuleCase{"text_without_capitals",
                 "en",
                 "sounds good. see you at six. bring the map.",
                 {"sounds good.", "see you at six.", "bring the map."}},
        RuleCase{"stray_period_inside",
                 "en",
                 "The world and menshevism. have both blessed this war: the judges agree.",
                 {"The world and menshevism. have both blessed this war: the judges agree."}},
        RuleCase{"period_before_a_clause_of_its_own",
                 "en",
                 "I waited there for hours. nobody came to the door.",
                 {"I waited there for hours.", "nobody came to the door."}},
        RuleCase{"dash_after_a_sentence",
                 "en",
                 "He stopped. \u2014 Go on, she said.",
                 {"He stopped.", "\u2014 Go on, she said."}},
        // No-break and other Unicode spaces are spaces.
        RuleCase{"no_break_spaces",
                 "en",
                 "Mr.\u00a0Smith came.\u00a0He left.",
                 {"Mr.\u00a0Smith came.", "He left."}},
        RuleCase{"narrow_and_em_spaces",
                 "en",
                 "See p.\u202f12 first.\u2003Then rest.",
                 {"See p.\u202f12 first.", "Then rest."}},
        // Sentences that end without punctuation: speech broken off with a dash, captions,
        // headings in capitals.
        RuleCase{"interrupted_dash_before_a_starter",
                 "en",
                 "He paused. I was going to say that \u2014 Maybe we should wait.",
                 {"He paused.", "I was going to say that \u2014", "Maybe we should wait."}},
        RuleCase{"interrupted_dash_before_a_quotation",
                 "en",
                 "It was late. The radio kept talking \u2013 \u201cRain is expected tonight.\u201d",
                 {"It was late.", "The radio kept talking \u2013",
                  "\u201cRain is expected tonight.\u201d"}},
        RuleCase{"double_hyphen_interrupts_too",
                 "en",
                 "Order! Then the judge said -- No, let me start again.",
                 {"Order!", "Then the judge said --", "No, let me start again."}},
        RuleCase{"parenthetical_dashes_stay_inside",
                 "en",
                 "It was noon. The two leaders \u2014 Smith and Jones \u2014 met.",
                 {"It was noon.", "The two leaders \u2014 Smith and Jones \u2014 met."}},
        RuleCase{"dash_before_the_pronoun_I_is_a_restart",
                 "en",
                 "Wait. And I \u2014 I cannot believe it.",
                 {"Wait.", "And I \u2014 I cannot believe it."}},
        RuleCase{"dash_after_a_quotation_is_an_attribution",
                 "en",
                 "Sources. \"Floods close the bridge\" \u2014 The Daily Post, May 2, 2020",
                 {"Sources.", "\"Floods close the bridge\" \u2014 The Daily Post, May 2, 2020"}},
        RuleCase{"dash_of_a_term_and_its_explanation",
                 "en",
                 "\u2022 Collectivisation \u2013 The farms were merged. It failed.",
                 {"\u2022 Collectivisation \u2013 The farms were merged.", "It failed."}},
        RuleCase{"dash_in_the_first_sentence_of_a_paragraph",
                 "en",
                 "Show trials \u2013 The accused confessed. They were shot.",
                 {"Show trials \u2013 The accused confessed.", "They were shot."}},
        RuleCase{"dash_before_a_closing_quote",
                 "en",
                 "\u201cI was going to\u2014\u201d She stopped.",
                 {"\u201cI was going to\u2014\u201d", "She stopped."}},
        RuleCase{"dash_before_a_closing_quote_and_a_name",
                 "en",
                 "\u201cWait \u2014\u201d Harry said.",
                 {"\u201cWait \u2014\u201d Harry said."}},
        RuleCase{"bracket_before_a_starter",
                 "en",
                 "It was signed by Senator Cole (R-Texas) Other items were sold.",
                 {"It was signed by Senator Cole (R-Texas)", "Other items were sold."}},
        RuleCase{"bracket_before_a_name",
                 "en",
                 "It was signed by the senator (R-Texas) Tom Cole.",
                 {"It was signed by the senator (R-Texas) Tom Cole."}},
        RuleCase{"bracketed_list_marker_inside_a_sentence",
                 "en",
                 "The rules are as follows: (b) The fee is paid.",
                 {"The rules are as follows: (b) The fee is paid."}},
        RuleCase{"lone_hyphen_is_not_a_dash",
                 "en",
                 "Regards - The team at the lab",
                 {"Regards - The team at the lab"}},
        RuleCase{"caption_label_with_its_number",
                 "en",
                 "The sample was heated. Table 3.1 Melting points of the metals",
                 {"The sample was heated.", "Table 3.1", "Melting points of the metals"}},
        RuleCase{"caption_label_inside_a_sentence",
                 "en",
                 "The map is in Figure 4 The Hague edition. Figure 4 shows it.",
                 {"The map is in Figure 4 The Hague edition.", "Figure 4 shows it."}},
        RuleCase{
            "heading_in_capitals",
            "en",
            "The war ended. A NEW BEGINNING FOR TRADE Merchants returned to the port.",
            {"The war ended.", "A NEW BEGINNING FOR TRADE", "Merchants returned to the port."}},
        RuleCase{"acronyms_are_not_a_heading",
                 "en",
                 "It came from NASA. NASA JPL Engineers agreed.",
                 {"It came from NASA.", "NASA JPL Engineers agreed."}},
        RuleCase{"capitals_inside_a_sentence_are_not_a_heading",
                 "en",
                 "The sign said KEEP OFF THE GRASS Tuesday.",
                 {"The sign said KEEP OFF THE GRASS Tuesday."}}),
    [](const auto& test) { return std::string(test.param.name); });

// Hungarian.
INSTANTIATE_TEST_SUITE_P(
    Hungarian, RuleCases,
    ::testing::Values(
        RuleCase{"abbreviation_before_a_name",
                 "hu",
                 "Ezt dr. Kovács mondta tegnap.",
                 {"Ezt dr. Kovács mondta tegnap."}},
        RuleCase{"capitalised_abbreviation",
                 "hu",
                 "Pl. az alma is jó. Kb. tíz ember jött el.",
                 {"Pl. az alma is jó.", "Kb. tíz ember jött el."}},
        RuleCase{"stb_ends_before_a_capital",
                 "hu",
                 "Hoztunk almát, körtét stb. Ez elég volt.",
                 {"Hoztunk almát, körtét stb.", "Ez elég volt."}},
        RuleCase{"stb_inside",
                 "hu",
                 "Alma, körte stb. mind elfogyott.",
                 {"Alma, körte stb. mind elfogyott."}},
        RuleCase{"vol_before_a_name",
                 "hu",
                 "Két munkatársam, vol. Szermukot és Poznanszkij, ott volt.",
                 {"Két munkatársam, vol. Szermukot és Poznanszkij, ott volt."}},
        RuleCase{"ordinal_year_before_a_month",
                 "hu",
                 "1929. január 18-i határozatot hoztak.",
                 {"1929. január 18-i határozatot hoztak."}},
        RuleCase{"ordinal_before_a_capitalised_noun",
                 "hu",
                 "A 17. Pártkonferencia döntött.",
                 {"A 17. Pártkonferencia döntött."}},
        RuleCase{"roman_ordinal_before_a_name",
                 "hu",
                 "IV. Iván és XIV. Lajos uralkodott.",
                 {"IV. Iván és XIV. Lajos uralkodott."}},
        RuleCase{"date_with_brackets",
                 "hu",
                 "A 2002. (IV. 25.) rendelet érvényes.",
                 {"A 2002. (IV. 25.) rendelet érvényes."}},
        RuleCase{"ordinal_before_a_section_sign",
                 "hu",
                 "A 25. § szerint kell eljárni.",
                 {"A 25. § szerint kell eljárni."}},
        RuleCase{"number_ends_before_a_starter",
                 "hu",
                 "Az eredmény 3-0. A másik meccs döntetlen.",
                 {"Az eredmény 3-0.", "A másik meccs döntetlen."}},
        RuleCase{"number_ends_before_a_dialogue_dash",
                 "hu",
                 "Határideje: 2000. január 12. \u2014 Minden rendben lesz.",
                 {"Határideje: 2000. január 12.", "\u2014 Minden rendben lesz."}},
        RuleCase{"month_abbreviation_before_a_day",
                 "hu",
                 "A szept. 11. eseményei.",
                 {"A szept. 11. eseményei."}},
        RuleCase{"article_and_section",
                 "hu",
                 "Az Art. 58-10. §-a szerint ítélték el.",
                 {"Az Art. 58-10. §-a szerint ítélték el."}},
        RuleCase{"initials",
                 "hu",
                 "L. D. Trockij írta. Ez B. Jenő háza.",
                 {"L. D. Trockij írta.", "Ez B. Jenő háza."}},
        RuleCase{"initials_in_capitals",
                 "hu",
                 "[L. TROCKIJ] L. D. TROCKJ LEVELE",
                 {"[L. TROCKIJ] L. D. TROCKJ LEVELE"}},
        RuleCase{"decimal_comma",
                 "hu",
                 "Az infláció 3,5 százalék volt. Ez sok.",
                 {"Az infláció 3,5 százalék volt.", "Ez sok."}},
        RuleCase{"dialogue_dashes",
                 "hu",
                 "Elment. \u2013 Hová mész? \u2013 kérdezte a fiú. \u2013 Haza.",
                 {"Elment.", "\u2013 Hová mész? \u2013 kérdezte a fiú.", "\u2013 Haza."}},
        RuleCase{"dialogue_with_em_dashes",
                 "hu",
                 "Hallgattunk. \u2014 Nem tudom \u2014 mondta végül.",
                 {"Hallgattunk.", "\u2014 Nem tudom \u2014 mondta végül."}},
        RuleCase{"exclamation_before_a_dash_and_lower_case",
                 "hu",
                 "\u2014 Szia! \u2014 mondta Gizi.",
                 {"\u2014 Szia! \u2014 mondta Gizi."}},
        RuleCase{"low_quote_after_period",
                 "hu",
                 "Azt mondta: \u201eJó.\u201d Aztán elment.",
                 {"Azt mondta: \u201eJó.\u201d", "Aztán elment."}},
        RuleCase{"exclamation_in_a_quotation",
                 "hu",
                 "A \u201eNe már!\u201d után nincs vége.",
                 {"A \u201eNe már!\u201d után nincs vége."}},
        RuleCase{"quotation_opening_with_an_ellipsis",
                 "hu",
                 "Ezt írta: \u201e...Hasonló gondolkodású emberek dolgoznak.\u201d",
                 {"Ezt írta: \u201e...Hasonló gondolkodású emberek dolgoznak.\u201d"}},
        RuleCase{"month_and_day_before_a_dash",
                 "hu",
                 "Született: január 2. \u2013 Budapest.",
                 {"Született: január 2. \u2013 Budapest."}},
        RuleCase{"stray_period_inside_a_list",
                 "hu",
                 "Tartja az ujját. történelmi folyamat, tisztán látja.",
                 {"Tartja az ujját. történelmi folyamat, tisztán látja."}},
        RuleCase{"period_before_a_clause_of_its_own",
                 "hu",
                 "Ki van kényszerítve. lakóhelyének megváltoztatása is felmerül.",
                 {"Ki van kényszerítve.", "lakóhelyének megváltoztatása is felmerül."}},
        RuleCase{"straight_quotes",
                 "hu",
                 "Azt mondják: \"Ez kell.\" Néha még mást is.",
                 {"Azt mondják: \"Ez kell.\"", "Néha még mást is."}},
        RuleCase{"heading_in_capitals",
                 "hu",
                 "A háború véget ért. AZ ÚJ KEZDET ÉVEI Kereskedők tértek vissza.",
                 {"A háború véget ért.", "AZ ÚJ KEZDET ÉVEI", "Kereskedők tértek vissza."}},
        RuleCase{"spaced_dash_is_punctuation_inside",
                 "hu",
                 "Ha ők \u2013 Szerintem holnap jönnek.",
                 {"Ha ők \u2013 Szerintem holnap jönnek."}}),
    [](const auto& test) { return std::string(test.param.name); });

// Languages without rules of their own: ICU's boundaries and the default rules.
INSTANTIATE_TEST_SUITE_P(
    Default, RuleCases,
    ::testing::Values(
        RuleCase{"latin", "la", "Ipse dixit. Alter ego.", {"Ipse dixit.", "Alter ego."}},
        RuleCase{"german_initials",
                 "de",
                 "J. R. R. Tolkien schrieb viel. Das ist gut.",
                 {"J. R. R. Tolkien schrieb viel.", "Das ist gut."}},
        RuleCase{"french_exclamation",
                 "fr",
                 "Quelle surprise ! Il est venu.",
                 {"Quelle surprise !", "Il est venu."}}),
    [](const auto& test) { return std::string(test.param.name); });

// Byte offsets spelled out where the bytes are tricky.
TEST(SpanCases, UnicodeSpacesAreNotPartOfSentences) {
  // "Mr." NBSP "Smith came." NBSP NBSP "He left." NARROW-NBSP
  const std::string text = "Mr.\u00a0Smith came.\u00a0\u00a0He left.\u202f";
  StatusOr<Document> doc = SegmentString(text, "en");
  ASSERT_TRUE(doc.ok());
  ASSERT_EQ(doc->sentences.size(), 2u);
  EXPECT_EQ(doc->sentences[0].span, (Span{0, 16}));
  EXPECT_EQ(doc->sentences[1].span, (Span{20, 28}));
}

TEST(SpanCases, HungarianLetters) {
  // "Ősz van. Ég." : Ő and É are two bytes each.
  StatusOr<Document> doc = SegmentString("\u0150sz van. \u00c9g.", "hu");
  ASSERT_TRUE(doc.ok());
  ASSERT_EQ(doc->sentences.size(), 2u);
  EXPECT_EQ(doc->sentences[0].span, (Span{0, 9}));
  EXPECT_EQ(doc->sentences[1].span, (Span{10, 14}));
}

TEST(SpanCases, HardWrappedSentenceKeepsItsLineBreak) {
  const std::string text =
      "This line is long enough to count as wrapped at the\r\nmargin, and the sentence goes "
      "on. Next one.\r\n";
  StatusOr<Document> doc = SegmentString(text, "en");
  ASSERT_TRUE(doc.ok());
  ASSERT_EQ(doc->sentences.size(), 2u);
  EXPECT_EQ(doc->sentences[0].span, (Span{0, 86}));
  EXPECT_EQ(doc->SentenceText(0).substr(51, 2), "\r\n");
  EXPECT_EQ(doc->sentences[1].span, (Span{87, 96}));
}

TEST(SegmentationRuleLanguages, AreEnglishAndHungarian) {
  EXPECT_EQ(SegmentationRuleLanguages(), (std::vector<std::string>{"en", "hu"}));
}

TEST(SegmentationRules, RegionalTagsUseTheLanguagesRules) {
  // en-GB gets en's abbreviations: "Mr." never ends a sentence.
  StatusOr<Document> doc = SegmentString("Mr. Brown came.", "en-GB");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->sentences.size(), 1u);
}

// Abbreviation files given by the user.
class AbbreviationFiles : public ::testing::Test {
 protected:
  StatusOr<Document> Segment(const std::string& file_content, const std::string& text,
                             const std::string& language = "en") {
    testing::WriteFile(dir_.File("abbr.txt"), file_content);
    SegmentOptions options;
    options.language = language;
    options.abbreviation_files = {dir_.File("abbr.txt")};
    TANDEM_ASSIGN_OR_RETURN(Segmenter segmenter, Segmenter::Create(options));
    TANDEM_ASSIGN_OR_RETURN(DecodedText decoded, DecodeText(text, "case.txt"));
    return segmenter.Segment(std::move(decoded), "case.txt");
  }
  testing::TempDir dir_;
};

TEST_F(AbbreviationFiles, PlainListNeverEndsASentence) {
  const std::string text = "Ask the Gen. Sec. Jones about it.";
  StatusOr<Document> without = SegmentString(text, "en");
  ASSERT_TRUE(without.ok());
  EXPECT_EQ(without->sentences.size(), 2u);  // "Sec." is not in the built-in list
  StatusOr<Document> with = Segment("# my list\nSec.\n", text);
  ASSERT_TRUE(with.ok()) << with.status().message();
  EXPECT_EQ(with->sentences.size(), 1u);
}

TEST_F(AbbreviationFiles, SectionsAndSettings) {
  StatusOr<Document> doc =
      Segment("[abbreviations that can end a sentence]\nkft.\n[sentence starters]\nThereupon\n",
              "It was Acme Kft. Thereupon we left. Acme Kft. Smith signed.", "en");
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->SentenceTexts(),
            (std::vector<std::string_view>{"It was Acme Kft.", "Thereupon we left.",
                                           "Acme Kft. Smith signed."}));
}

TEST_F(AbbreviationFiles, BadLinesNameFileAndLine) {
  struct Bad {
    std::string content;
    std::string message;
  };
  const Bad cases[] = {
      {"Mr.\nSec\n", "abbr.txt:2: an abbreviation is written with its final period ('Sec.')"},
      {"[colours]\n", "abbr.txt:1: unknown section [colours]"},
      {"[settings]\nordinal-period = maybe\n", "abbr.txt:2: ordinal-period must be yes or no"},
      {"[settings]\nspeed = 3\n", "abbr.txt:2: unknown setting 'speed'"},
      {"Gen. Sec.\n", "abbr.txt:1: one entry per line, without spaces"},
      {"No.\n[abbreviations that can end a sentence]\nNo.\n",
       "abbr.txt:3: 'No.' is already listed under [abbreviations] on line 1"},
      {"[single-letter words]\nab\n", "abbr.txt:2: a single-letter word is one letter"},
      {"Mr.\n\xF5.\n", "abbr.txt:2:1: invalid UTF-8 (byte 0xF5)"},
  };
  for (const Bad& bad : cases) {
    StatusOr<Document> doc = Segment(bad.content, "x");
    ASSERT_FALSE(doc.ok()) << bad.content;
    EXPECT_EQ(doc.status().code(), StatusCode::kInvalidData) << bad.content;
    EXPECT_NE(doc.status().message().find(bad.message), std::string::npos)
        << doc.status().message();
  }
}

TEST_F(AbbreviationFiles, MissingFileIsNotFound) {
  SegmentOptions options;
  options.abbreviation_files = {dir_.File("nope.txt")};
  StatusOr<Segmenter> segmenter = Segmenter::Create(options);
  ASSERT_FALSE(segmenter.ok());
  EXPECT_EQ(segmenter.status().code(), StatusCode::kNotFound);
  EXPECT_NE(segmenter.status().message().find("nope.txt"), std::string::npos);
}

}  // namespace
}  // namespace tandem
