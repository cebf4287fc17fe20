package deputies.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A non-unique index on its first key (mongo-java-server 1.47 ignores secondary indexes, so every query on a
 * non-unique field scanned the whole collection: `我的建议` read all opinions to find one deputy's).
 *
 * <p>It only narrows: a query with an equality (or {@code $in}, {@code $eq}) on the first key gets the positions
 * stored under those values, and the library's matcher still applies the whole query to each of them, so the
 * answer is the same as a scan's, in the same (natural) order. Arrays are indexed by element, as MongoDB does, so
 * {@code {cosigners: 'u1'}} finds documents whose array holds 'u1'. Anything else (null, arrays or documents as the
 * queried value, regular expressions, range operators) is left to the scan.
 */
final class SecondaryIndex<P extends Comparable<P>> extends Index<P> {
  /** Documents without the field (or with null): MongoDB indexes them as null; a null query is not handled here. */
  private static final Object ABSENT = new Object();
  /** Candidates the index always narrows to, however small the collection. */
  private static final int SMALL = 64;

  private final String field;
  /**
   * Indexed value → (document _id → position); the _id finds a document's position again when it is removed. Plain
   * maps: every method that touches them is synchronized on the index.
   */
  private final Map<Object, Map<Object, P>> byValue = new HashMap<>();
  /** Documents in the index (getCount). */
  private long count;

  SecondaryIndex(String name, List<IndexKey> keys, boolean sparse) {
    super(name, keys, sparse);
    this.field = keys.get(0).getKey();
  }

  /** Only top-level first keys: a dotted path through arrays has rules of its own. */
  static boolean supports(List<IndexKey> keys) {
    return !keys.isEmpty() && !keys.get(0).getKey().contains(".");
  }

  @Override
  public P getPosition(Document document) {
    // Not unique: a value does not name one document (the _id index answers this).
    return null;
  }

  @Override
  public void checkAdd(Document document, MongoCollection<P> collection) {
    // No constraint to check.
  }

  @Override
  public synchronized void add(Document document, P position, MongoCollection<P> collection) {
    Object id = idOf(document);
    boolean indexed = false;
    for (Object value : valuesOf(document)) {
      byValue.computeIfAbsent(value, v -> new HashMap<>()).put(id, position);
      indexed = true;
    }
    if (indexed) count += 1;
  }

  @Override
  public synchronized P remove(Document document) {
    Object id = idOf(document);
    P position = null;
    for (Object value : valuesOf(document)) {
      Map<Object, P> positions = byValue.get(value);
      if (positions == null) continue;
      P removed = positions.remove(id);
      if (removed != null) position = removed;
      if (positions.isEmpty()) byValue.remove(value);
    }
    if (position != null) count -= 1;
    return position;
  }

  @Override
  public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
    // No constraint to check.
  }

  @Override
  public synchronized void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection) {
    // Most updates leave the indexed field alone (a status change leaves `filer` as it was).
    if (Objects.equals(oldDocument.get(field), newDocument.get(field))
        && Objects.equals(oldDocument.get("_id"), newDocument.get("_id"))) return;
    remove(oldDocument);
    add(newDocument, position, collection);
  }

  /**
   * Like a query planner: an equality this index can narrow, and only when it keeps a small part of the collection
   * (a report's {@code status $in [open ones]} keeps most of it, and walking positions then costs more than the scan).
   */
  @Override
  public synchronized boolean canHandle(Document query) {
    List<Object> values = queriedValues(query);
    if (values == null) return false;
    long candidates = 0;
    for (Object value : values) {
      Map<Object, P> positions = byValue.get(value);
      if (positions != null) candidates += positions.size();
    }
    return candidates <= Math.max(SMALL, count / 4);
  }

  @Override
  public synchronized Iterable<P> getPositions(Document query) {
    List<Object> values = queriedValues(query);
    if (values == null) throw new IllegalStateException("query not handled by " + this + ": " + query);
    Set<P> found = new HashSet<>();
    for (Object value : values) {
      Map<Object, P> positions = byValue.get(value);
      if (positions != null) found.addAll(positions.values());
    }
    // Natural order, as a scan would return them.
    List<P> sorted = new ArrayList<>(found);
    sorted.sort(null);
    return sorted;
  }

  @Override
  public synchronized long getCount() {
    return count;
  }

  @Override
  public long getDataSize() {
    return getCount();
  }

  @Override
  public synchronized void drop() {
    byValue.clear();
    count = 0;
  }

  /** The values an equality query on the first key asks for (normalized), or null when this index cannot narrow it. */
  List<Object> queriedValues(Document query) {
    if (!query.containsKey(field)) return null;
    Object queried = query.get(field);
    if (isPlainValue(queried)) return List.of(normalize(queried));
    if (!(queried instanceof Document operators) || operators.isEmpty()) return null;
    for (String key : operators.keySet()) if (!key.startsWith("$")) return null;
    // Other operators beside $eq/$in only narrow further; the matcher applies them.
    if (operators.containsKey("$eq")) {
      Object eq = operators.get("$eq");
      return isPlainValue(eq) ? List.of(normalize(eq)) : null;
    }
    if (operators.get("$in") instanceof Collection<?> in) {
      List<Object> values = new ArrayList<>();
      for (Object v : in) {
        if (!isPlainValue(v)) return null;
        values.add(normalize(v));
      }
      return values;
    }
    return null;
  }

  /** Types whose equality is Java equality once numbers are normalized (MongoDB compares 1, 1L and 1.0 equal). */
  private static boolean isPlainValue(Object v) {
    return v instanceof String
        || v instanceof Number
        || v instanceof Boolean
        || v instanceof Date
        || v instanceof Instant
        || v instanceof ObjectId;
  }

  /** The keys a document is filed under: each element of an array, ABSENT for null or missing (unless sparse). */
  private Collection<Object> valuesOf(Document document) {
    Object value = document.get(field);
    if (value instanceof Collection<?> elements) {
      Set<Object> values = new HashSet<>();
      for (Object element : elements) values.add(keyOf(element));
      // An empty array matches no equality; the document is still in the index, as MongoDB keeps it.
      if (elements.isEmpty() && !isSparse()) values.add(ABSENT);
      return values;
    }
    if (Missing.isNullOrMissing(value)) return isSparse() ? List.of() : List.of(ABSENT);
    return List.of(normalize(value));
  }

  private static Object keyOf(Object value) {
    return Missing.isNullOrMissing(value) ? ABSENT : normalize(value);
  }

  private static Object normalize(Object value) {
    // The common types are their own normal form; numbers (1, 1L, 1.0 are equal) and the rest take the library's.
    if (value instanceof String || value instanceof ObjectId || value instanceof Boolean) return value;
    if (value instanceof Date || value instanceof Instant) return value;
    return new KeyValue(value).normalized().get(0);
  }

  /** Every stored document has an _id (the collection adds one); the sentinel only keeps the maps null-free. */
  private static Object idOf(Document document) {
    Object id = document.get("_id");
    return Missing.isNullOrMissing(id) ? ABSENT : normalize(id);
  }
}
