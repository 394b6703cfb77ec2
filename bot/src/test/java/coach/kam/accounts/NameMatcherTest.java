package coach.kam.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NameMatcherTest {

    private static List<Account> accounts(String... names) {
        List<Account> list = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            list.add(new Account(i + 1, 7, names[i], Instant.EPOCH));
        }
        return list;
    }

    private static List<String> best(String query, String... names) {
        return NameMatcher.best(query, accounts(names)).stream().map(Account::name).toList();
    }

    @Test
    void lowerCasePrefixFindsTheAccount() {
        assertEquals(List.of("ACME Ltd"), best("acme", "ACME Ltd", "Globex", "Initech"));
    }

    @Test
    void partOfTheNameIsEnough() {
        assertEquals(List.of("Big Acme Stores"), best("acme", "Big Acme Stores", "Globex"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ＡＣＭＥ", "ａｃｍｅ ｌｔｄ", "a c m e", "ACME  LTD", "acme-ltd", "acme.ltd", "Acme Ltd."})
    void widthCaseSpacingAndPunctuationAreIgnored(String query) {
        assertEquals(List.of("ACME Ltd"), best(query, "ACME Ltd", "Globex"));
    }

    @Test
    void fullWidthNameFoundByAsciiQuery() {
        assertEquals(List.of("ＡＣＭＥ（中国）"), best("acme中国", "ＡＣＭＥ（中国）", "Globex"));
    }

    @Test
    void normaliseFoldsWidthCaseSpacesAndPunctuation() {
        assertEquals("acmeltd", NameMatcher.normalise(" ＡＣＭＥ, Ltd. "));
        assertEquals("华润万家", NameMatcher.normalise("华润 · 万家"));
        assertEquals("华润万家", NameMatcher.normalise("华润（万家）"));
    }

    @Test
    void exactMatchWinsAlone() {
        assertEquals(List.of("Acme"), best("acme", "Acme Holdings", "Acme", "Acme Ltd"));
        assertEquals(List.of("ACME"), best("a c m e", "ACME Ltd", "ACME"));
    }

    @Test
    void withoutExactMatchAllCandidatesAreOfferedPrefixFirstThenByName() {
        assertEquals(List.of("Acme Holdings", "Acme Ltd", "Big Acme"),
                best("acme", "Big Acme", "Acme Ltd", "Globex", "Acme Holdings"));
    }

    @Test
    void scoreRanksExactPrefixContainsAndTypo() {
        assertEquals(0, NameMatcher.score("acme", "ACME"));
        assertEquals(1, NameMatcher.score("acme", "ACME Ltd"));
        assertEquals(2, NameMatcher.score("acme", "Big ACME"));
        assertEquals(3, NameMatcher.score("acne", "ACME"));
        assertEquals(Integer.MAX_VALUE, NameMatcher.score("globex", "ACME"));
    }

    @ParameterizedTest
    @CsvSource({
            "acne, ACME",          // substitution
            "acm e z, ACMEX",      // substitution at the end (spaces ignored)
            "walmrt, Walmart Inc", // missing letter
            "globx, Globex",       // missing letter, whole name
            "globexx, Globex",     // extra letter
            "华润万佳, 华润万家"      // substitution in a Chinese name
    })
    void oneTypoIsForgivenFromFourCharacters(String query, String name) {
        assertEquals(3, NameMatcher.score(query, name));
        assertEquals(List.of(name), best(query, name, "Initech"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"acn", "axe", "abc"})
    void noTypoForgivenBelowFourCharacters(String query) {
        assertEquals(List.of(), best(query, "ACM", "ACE"));
    }

    @Test
    void twoTyposAreNotForgiven() {
        assertEquals(List.of(), best("anxe", "ACME"));
        assertEquals(List.of(), best("glebxx", "Globex"));
        assertEquals(List.of(), best("gloebx", "Globex")); // a swap of two letters is two edits
    }

    @Test
    void oneTypoIsForgivenAgainstTheStartOfALongerName() {
        assertEquals(List.of("ACME Ltd"), best("acne", "ACME Ltd", "Globex"));
        assertEquals(List.of("Walmart Inc"), best("wallmart", "Walmart Inc", "Globex"));
    }

    @Test
    void chineseNamesMatchByPrefixAndPart() {
        assertEquals(List.of("华润万家"), best("华润", "华润万家", "永辉超市", "沃尔玛"));
        assertEquals(List.of("永辉超市"), best("超市", "华润万家", "永辉超市"));
        assertEquals(List.of("华润万家", "华润置地"), best("华润", "华润置地", "华润万家", "永辉超市"));
    }

    @Test
    void chineseExactNameWinsAlone() {
        assertEquals(List.of("华润"), best("华润", "华润万家", "华润"));
    }

    @Test
    void chineseTypoInFourCharacterNameIsForgiven() {
        assertEquals(List.of("永辉超市"), best("永辉起市", "永辉超市", "华润万家"));
    }

    @Test
    void noMatchGivesNothing() {
        assertEquals(List.of(), best("initech", "ACME Ltd", "Globex", "华润万家"));
        assertEquals(List.of(), best("家乐福", "华润万家", "永辉超市"));
        assertEquals(List.of(), best("acme", new String[0]));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "...", "，。"})
    void emptyOrPunctuationOnlyQueryMatchesNothing(String query) {
        assertEquals(List.of(), best(query, "ACME Ltd", "华润万家"));
        assertEquals(Integer.MAX_VALUE, NameMatcher.score(query, "ACME Ltd"));
    }

    @Test
    void resultIsSortedBestFirst() {
        List<Account> hits = NameMatcher.best("acme", accounts("Zeta Acme", "Acme Zeta", "Acmex"));
        for (int i = 1; i < hits.size(); i++) {
            assertTrue(NameMatcher.score("acme", hits.get(i - 1).name()) <= NameMatcher.score("acme", hits.get(i).name()));
        }
        assertEquals(3, hits.size());
    }

    @Test
    void oneClearPrefixOrPartBeatsNamesOneSlipAway() {
        assertEquals(List.of("华东医药集团"), best("华东医药", "华东医疗器械", "华东医药集团"));
        assertEquals(List.of("华东医疗器械"), best("华东医疗", "华东医疗器械", "华东医药集团"));
        assertEquals(List.of("ACME Ltd", "Acme Freight"), best("acme", "Globex", "ACME Ltd", "Acme Freight", "Initech"));
        assertEquals(List.of("ACME"), best("acne", "ACME", "Globex"));
    }
}
