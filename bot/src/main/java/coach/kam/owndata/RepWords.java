package coach.kam.owndata;

import coach.kam.retrieval.Bm25Index;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The words of one rep's records in Lucene, analysed as the knowledge is (smartcn and English
 * stemming), with the account of each record to search one account alone. Changes are seen by the
 * next search (a near-real-time reader). Not thread-safe: {@link RepIndex} holds its lock around it.
 */
final class RepWords implements AutoCloseable {
    private static final String REF = "ref";
    /** The ref again as a doc value: read per hit without decompressing stored fields. */
    private static final String REF_VALUE = "refv";
    private static final String ACCOUNT = "acct";
    private static final String ZH = "zh";
    private static final String EN = "en";
    private static final int MAX_TERMS = 200;

    private final Analyzer analyzer = Bm25Index.analyzer(Set.of(ZH));
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final IndexWriter writer;
    private DirectoryReader reader;
    private boolean changed;

    RepWords() {
        IndexWriterConfig config = new IndexWriterConfig(analyzer);
        // segments are merged on Lucene's merge thread, not in the question that made the change
        config.setRAMBufferSizeMB(1.0);
        try {
            writer = new IndexWriter(directory, config);
            reader = DirectoryReader.open(writer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void put(OwnRecord r) {
        Document d = new Document();
        d.add(new StringField(REF, r.ref(), Field.Store.NO));
        d.add(new BinaryDocValuesField(REF_VALUE, new BytesRef(r.ref())));
        d.add(new StringField(ACCOUNT, Long.toString(r.accountId()), Field.Store.NO));
        d.add(new TextField(ZH, r.searchText(), Field.Store.NO));
        d.add(new TextField(EN, r.searchText(), Field.Store.NO));
        try {
            writer.updateDocument(new Term(REF, r.ref()), d);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        changed = true;
    }

    void remove(String ref) {
        try {
            writer.deleteDocuments(new Term(REF, ref));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        changed = true;
    }

    /**
     * The refs of the best {@code depth} records by BM25, of one account when {@code accountId} is
     * set. A Chinese question is read by the Chinese analyser only and an English one by the English
     * analyser: the other would match single characters ("天" in "90天" for "今天天气怎么样").
     */
    List<String> search(String question, String lang, Long accountId, int depth) {
        BooleanQuery.Builder words = new BooleanQuery.Builder();
        int clauses = 0;
        for (String field : List.of("zh".equals(lang) ? ZH : EN)) {
            for (String term : coach.kam.retrieval.Bm25Index.terms(analyzer, field, question)) {
                if (clauses++ < MAX_TERMS) {
                    words.add(new TermQuery(new Term(field, term)), BooleanClause.Occur.SHOULD);
                }
            }
        }
        if (clauses == 0) {
            return List.of();
        }
        BooleanQuery.Builder q = new BooleanQuery.Builder().add(words.build(), BooleanClause.Occur.MUST);
        if (accountId != null) {
            q.add(new TermQuery(new Term(ACCOUNT, Long.toString(accountId))), BooleanClause.Occur.FILTER);
        }
        try {
            DirectoryReader current = fresh();
            IndexSearcher searcher = new IndexSearcher(current);
            List<LeafReaderContext> leaves = current.leaves();
            List<String> out = new ArrayList<>();
            for (ScoreDoc sd : searcher.search(q.build(), depth).scoreDocs) {
                LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
                BinaryDocValues refs = leaf.reader().getBinaryDocValues(REF_VALUE);
                if (refs != null && refs.advanceExact(sd.doc - leaf.docBase)) {
                    out.add(refs.binaryValue().utf8ToString());
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private DirectoryReader fresh() throws IOException {
        if (changed) {
            DirectoryReader newer = DirectoryReader.openIfChanged(reader, writer);
            if (newer != null) {
                reader.close();
                reader = newer;
            }
            changed = false;
        }
        return reader;
    }

    /** The index files and the writer's buffers. */
    long memoryBytes() {
        long sum = writer.ramBytesUsed();
        try {
            for (String f : directory.listAll()) {
                try {
                    sum += directory.fileLength(f);
                } catch (java.nio.file.NoSuchFileException gone) {
                    // merged away meanwhile
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sum;
    }

    @Override
    public void close() {
        try {
            reader.close();
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
