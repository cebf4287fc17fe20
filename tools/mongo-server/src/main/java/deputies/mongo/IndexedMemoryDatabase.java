package deputies.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.aggregation.Aggregation;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;

/**
 * An in-memory database that uses its non-unique indexes ({@link SecondaryIndex}): for finds, counts, updates and
 * deletes through the library's own index lookup, and for an aggregation whose first stage is a {@code $match} the
 * index can narrow, by feeding the pipeline that index's candidates instead of the whole collection (the
 * {@code $match} stage still filters them). Results are the same as a scan's; only the work differs.
 */
final class IndexedMemoryDatabase extends MemoryDatabase {
  IndexedMemoryDatabase(String databaseName, CursorRegistry cursorRegistry) {
    super(databaseName, cursorRegistry);
  }

  @Override
  protected Index<Integer> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
    if (!SecondaryIndex.supports(keys)) return super.openOrCreateSecondaryIndex(collectionName, indexName, keys, sparse);
    return new SecondaryIndex<>(indexName, keys, sparse);
  }

  @Override
  public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver databaseResolver, Oplog oplog) {
    if (command.equalsIgnoreCase("aggregate")) {
      Document answer = aggregateFromIndex(command, query, databaseResolver, oplog);
      if (answer != null) return answer;
    }
    return super.handleCommand(channel, command, query, databaseResolver, oplog);
  }

  /** The aggregation over an index's candidates, or null to leave it to the library (no usable index). */
  private Document aggregateFromIndex(String command, Document query, DatabaseResolver databaseResolver, Oplog oplog) {
    if (!(query.get(command) instanceof String collectionName)) return null;
    if (!(query.get("pipeline") instanceof List<?> stages) || stages.isEmpty()) return null;
    if (!(stages.get(0) instanceof Document first) || first.size() != 1 || !(first.get("$match") instanceof Document match))
      return null;
    MongoCollection<Integer> collection = resolveCollection(collectionName, false);
    if (collection == null) return null;
    Document narrowed = null;
    for (Index<Integer> index : collection.getIndexes()) {
      if (index instanceof SecondaryIndex<?> secondary && secondary.canHandle(match)) {
        String field = index.getKeys().get(0).getKey();
        narrowed = new Document(field, match.get(field));
        break;
      }
    }
    if (narrowed == null) return null;
    List<Document> pipeline = Aggregation.parse(stages);
    Aggregation aggregation = Aggregation.fromPipeline(pipeline, databaseResolver, this, narrowedView(collection, narrowed), oplog);
    aggregation.validate(query);
    // The answer commandAggregate gives (the library's Utils.firstBatchCursorResponse is package-private).
    Document cursor = new Document();
    cursor.put("id", 0L);
    cursor.put("ns", getFullCollectionNamespace(collectionName));
    cursor.put("firstBatch", aggregation.computeResult());
    Document answer = new Document();
    answer.put("cursor", cursor);
    answer.put("ok", 1.0);
    return answer;
  }

  /** The collection as the pipeline sees it: "all documents" are those the narrowed query finds (through the index). */
  @SuppressWarnings("unchecked")
  private static MongoCollection<Integer> narrowedView(MongoCollection<Integer> collection, Document narrowed) {
    return (MongoCollection<Integer>)
        Proxy.newProxyInstance(
            MongoCollection.class.getClassLoader(),
            new Class<?>[] {MongoCollection.class},
            (proxy, method, args) -> {
              boolean noArgs = args == null || args.length == 0;
              if (noArgs && method.getName().equals("queryAllAsStream")) return collection.handleQueryAsStream(narrowed);
              if (noArgs && method.getName().equals("queryAll")) return collection.handleQuery(narrowed);
              try {
                return method.invoke(collection, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
