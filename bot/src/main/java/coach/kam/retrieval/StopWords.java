package coach.kam.retrieval;

import java.util.List;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * Words that say nothing about what a question is about. The Chinese analyser also sees English
 * words (mixed questions), so it drops English function words too; question words are dropped in
 * both languages, since every question has them.
 */
final class StopWords {
    private static final List<String> CHINESE = List.of("的", "了", "是", "我", "你", "他", "她", "它", "我们", "你们",
            "他们", "要", "有", "在", "和", "与", "就", "都", "也", "这", "那", "这个", "那个", "个", "一个", "吗", "呢", "吧",
            "啊", "呀", "怎么", "怎样", "怎么样", "如何", "什么", "啥", "咋", "哪些", "哪个", "为什么", "为啥", "能", "会", "该",
            "应该", "可以", "还", "又", "把", "被", "给", "让", "对", "从", "到", "上", "下", "里", "中", "很", "太", "多",
            "些", "一些", "一下", "做", "搞", "弄", "请问", "一般", "是不是", "有没有", "么", "嘛", "哦", "嗯");
    private static final List<String> ENGLISH_QUESTION = List.of("how", "what", "when", "why", "which", "who", "where",
            "should", "do", "does", "did", "can", "could", "would", "i", "my", "me", "we", "our", "us", "you", "your",
            "get", "make", "whats", "what's", "hows", "is", "are", "am", "best", "way", "good", "some", "any", "about");

    private StopWords() {
    }

    static CharArraySet chinese() {
        CharArraySet set = new CharArraySet(SmartChineseAnalyzer.getDefaultStopSet(), true);
        set.addAll(CHINESE);
        set.addAll(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        set.addAll(ENGLISH_QUESTION);
        return set;
    }

    static CharArraySet english() {
        CharArraySet set = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        set.addAll(ENGLISH_QUESTION);
        return set;
    }
}
