package coach.kam.retrieval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * BM25 over the chunks in Lucene. Every chunk is analysed twice, with the Chinese analyser
 * (smartcn word segmentation) and the English one (stemming), so a question in either language,
 * or in a mix, finds words in both; titles and headings weigh more than body text.
 */
public final class Bm25Index {
    private static final String ID = "i";
    private static final Map<String, Float> FIELDS = Map.of(
            "title_zh", 2.0f, "body_zh", 1.0f, "title_en", 2.0f, "body_en", 1.0f);

    private final List<Chunk> chunks;
    private final Analyzer analyzer;
    private final IndexSearcher searcher;
    private final ByteBuffersDirectory directory;

    public Bm25Index(List<Chunk> chunks) {
        this.chunks = List.copyOf(chunks);
        Analyzer zh = new SmartChineseAnalyzer(StopWords.chinese());
        Analyzer en = new EnglishAnalyzer(StopWords.english());
        this.analyzer = new PerFieldAnalyzerWrapper(en, Map.of("title_zh", zh, "body_zh", zh));
        try {
            ByteBuffersDirectory dir = PrebuiltIndex.read(chunks);
            if (dir == null) {
                dir = build(chunks, analyzer);
            }
            this.directory = dir;
            this.searcher = new IndexSearcher(DirectoryReader.open(dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The analysers of this index for another in-memory index: smartcn with the Chinese stop words
     * for the fields named in {@code chineseFields}, English stemming for the others.
     */
    public static Analyzer analyzer(java.util.Set<String> chineseFields) {
        Analyzer zh = new SmartChineseAnalyzer(StopWords.chinese());
        Map<String, Analyzer> perField = new java.util.HashMap<>();
        chineseFields.forEach(f -> perField.put(f, zh));
        return new PerFieldAnalyzerWrapper(new EnglishAnalyzer(StopWords.english()), perField);
    }

    /** The index files, for the build step that packs them in the jar. */
    ByteBuffersDirectory directory() {
        return directory;
    }

    private static ByteBuffersDirectory build(List<Chunk> chunks, Analyzer analyzer) throws IOException {
        {
            ByteBuffersDirectory dir = new ByteBuffersDirectory();
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
                for (int i = 0; i < chunks.size(); i++) {
                    Chunk c = chunks.get(i);
                    Document d = new Document();
                    d.add(new StoredField(ID, i));
                    String title = c.title() + "\n" + c.section();
                    d.add(new TextField("title_zh", title, Field.Store.NO));
                    d.add(new TextField("title_en", title, Field.Store.NO));
                    d.add(new TextField("body_zh", c.text(), Field.Store.NO));
                    d.add(new TextField("body_en", c.text(), Field.Store.NO));
                    w.addDocument(d);
                }
            }
            return dir;
        }
    }

    public List<Scored> search(String query, int k) {
        Query q = query(query);
        List<Scored> out = new ArrayList<>();
        if (q == null) {
            return out;
        }
        try {
            for (ScoreDoc sd : searcher.search(q, k).scoreDocs) {
                int i = searcher.storedFields().document(sd.doc).getField(ID).numericValue().intValue();
                out.add(new Scored(i, chunks.get(i), sd.score));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private Query query(String text) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        int clauses = 0;
        for (Map.Entry<String, Float> field : FIELDS.entrySet()) {
            for (String term : terms(field.getKey(), text)) {
                if (clauses++ >= IndexSearcher.getMaxClauseCount() - 1) {
                    break;
                }
                Query tq = new TermQuery(new Term(field.getKey(), term));
                b.add(new BoostQuery(tq, field.getValue()), BooleanClause.Occur.SHOULD);
            }
        }
        return clauses == 0 ? null : b.build();
    }

    /**
     * How much of the question {@code chunk} speaks to: the share of the question's words it
     * contains, each word weighted by how rare it is in the knowledge base, so "今天" or "what"
     * count for little and a word the knowledge base never uses ("天气", "sourdough") for a lot.
     */
    public double coverage(String question, String lang, Chunk chunk) {
        String field = "zh".equals(lang) ? "body_zh" : "body_en";
        java.util.Set<String> q = new java.util.HashSet<>(terms(field, question));
        if (q.isEmpty()) {
            return 0;
        }
        java.util.Set<String> d = new java.util.HashSet<>(terms(field, chunk.title() + "\n" + chunk.section() + "\n" + chunk.text()));
        double all = 0;
        double hit = 0;
        for (String term : q) {
            double w = idf(field, term);
            all += w;
            if (d.contains(term)) {
                hit += w;
            }
        }
        return all == 0 ? 0 : hit / all;
    }

    private double idf(String field, String term) {
        try {
            int n = searcher.getIndexReader().numDocs();
            int df = searcher.getIndexReader().docFreq(new Term(field, term));
            return Math.log(1 + (n - df + 0.5) / (df + 0.5));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The analysed terms of {@code text} for one field (also used to pick key sentences). */
    public List<String> terms(String field, String text) {
        return terms(analyzer, field, text);
    }

    /** The terms {@code analyzer} makes of {@code text} for one field. */
    public static List<String> terms(Analyzer analyzer, String field, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                terms.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }
}
